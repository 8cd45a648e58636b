package io.zonebridge.reverse;

/**
 * Who made a CloudTrail-recorded call ({@code detail.userIdentity}).
 *
 * @param type        identity type ({@code AssumedRole}, {@code IAMUser}, {@code Root}, ...)
 * @param arn         the caller's ARN ({@code arn:aws:sts::…:assumed-role/ROLE/SESSION} for a role session)
 * @param issuerArn   for a role session, the role's ARN ({@code sessionContext.sessionIssuer.arn}); else {@code null}
 * @param sessionName for a role session, the session name (last part of the assumed-role ARN); else {@code null}
 */
public record CallerIdentity(String type, String arn, String issuerArn, String sessionName) {

    private static final String ASSUMED_ROLE = ":assumed-role/";

    /** The session name of an assumed-role ARN, or {@code null} for other ARNs. */
    static String sessionNameOf(String arn) {
        if (arn == null) {
            return null;
        }
        int marker = arn.indexOf(ASSUMED_ROLE);
        if (marker < 0) {
            return null;
        }
        int slash = arn.indexOf('/', marker + ASSUMED_ROLE.length());
        return slash < 0 ? null : arn.substring(slash + 1);
    }
}
