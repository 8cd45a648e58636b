package io.zonebridge.organization;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How zonebridge assumes its role in a member account: {@code arn:<partition>:iam::<account>:role/<roleName>},
 * session name {@code zonebridge}, an optional external id, and the session duration.
 *
 * @param roleName        the role's name (with its path, if any: {@code ops/zonebridge-reader})
 * @param externalId      external id the role's trust policy demands, or {@code null}
 * @param partition       ARN partition ({@code aws}, {@code aws-cn}, {@code aws-us-gov})
 * @param sessionDuration requested session length (15 minutes to 12 hours)
 */
public record AssumeRoleSettings(String roleName, String externalId, String partition, Duration sessionDuration) {

    /** The session name zonebridge's role sessions carry (CloudTrail shows it; own changes are recognised by it). */
    public static final String SESSION_NAME = "zonebridge";
    /** The role AWS Organizations creates in accounts it makes. */
    public static final String DEFAULT_ROLE_NAME = "OrganizationAccountAccessRole";

    private static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@\\-/]{1,512}");

    public AssumeRoleSettings {
        Objects.requireNonNull(roleName, "roleName");
        if (!ROLE_NAME.matcher(roleName).matches() || roleName.startsWith("/") || roleName.endsWith("/")) {
            throw new IllegalArgumentException("assume-role role name '" + roleName + "' is not a valid IAM role name");
        }
        if (externalId != null && externalId.isBlank()) {
            externalId = null;
        }
        partition = partition == null ? "aws" : partition;
        sessionDuration = sessionDuration == null ? Duration.ofHours(1) : sessionDuration;
        if (sessionDuration.compareTo(Duration.ofMinutes(15)) < 0 || sessionDuration.compareTo(Duration.ofHours(12)) > 0) {
            throw new IllegalArgumentException("assume-role session duration must be 15 min to 12 h: " + sessionDuration);
        }
    }

    /** The role of that name, no external id, partition {@code aws}, one-hour sessions. */
    public static AssumeRoleSettings role(String roleName) {
        return new AssumeRoleSettings(roleName, null, "aws", Duration.ofHours(1));
    }

    /** The same with {@code id} as external id. */
    public AssumeRoleSettings withExternalId(String id) {
        return new AssumeRoleSettings(roleName, id, partition, sessionDuration);
    }

    /** The role's ARN in {@code accountId}. */
    public String roleArn(String accountId) {
        return "arn:" + partition + ":iam::" + accountId + ":role/" + roleName;
    }
}
