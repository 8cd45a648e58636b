package io.zonebridge.reverse;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How zonebridge recognises its own Route 53 changes in CloudTrail, so it does not react to its echo.
 * A call is zonebridge's own when the caller's ARN or its role's ARN matches one of the patterns,
 * when its role session name is one of the session names, or when the change batch comment starts
 * with the comment marker. The principal is the reliable signal (any caller can set a comment).
 *
 * @param principalArnPatterns ARN globs; {@code *} matches any run of characters,
 *                             e.g. {@code arn:aws:iam::*:role/zonebridge-*}
 * @param sessionNames         role session names zonebridge uses
 * @param commentMarker        comment prefix zonebridge writes (e.g. {@code zonebridge:}), or {@code null} for none
 */
public record OwnChangeRules(List<String> principalArnPatterns, Set<String> sessionNames, String commentMarker) {

    /** Recognises nothing as zonebridge's own. */
    public static final OwnChangeRules NONE = new OwnChangeRules(List.of(), Set.of(), null);

    public OwnChangeRules {
        principalArnPatterns = List.copyOf(principalArnPatterns);
        sessionNames = Set.copyOf(sessionNames);
        if (commentMarker != null && commentMarker.isEmpty()) {
            commentMarker = null;
        }
    }

    /** True when the event is one zonebridge made. */
    public boolean matches(Route53ChangeEvent event) {
        CallerIdentity caller = event.caller();
        if (caller.sessionName() != null && sessionNames.contains(caller.sessionName())) {
            return true;
        }
        if (commentMarker != null && event.comment() != null && event.comment().startsWith(commentMarker)) {
            return true;
        }
        for (String glob : principalArnPatterns) {
            Pattern pattern = globToPattern(glob);
            if (matches(pattern, caller.arn()) || matches(pattern, caller.issuerArn())) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(Pattern pattern, String arn) {
        return arn != null && pattern.matcher(arn).matches();
    }

    private static Pattern globToPattern(String glob) {
        return Pattern.compile(Arrays.stream(glob.split("\\*", -1))
                .map(Pattern::quote)
                .collect(Collectors.joining(".*")));
    }
}
