package io.zonebridge.local;

/**
 * Temporary credentials issued by STS AssumeRole.
 *
 * @param accessKeyId     the temporary key ({@link AccountIds#temporaryAccessKey}: it stands for the role's account)
 * @param roleArn         the assumed role's ARN
 * @param sessionName     RoleSessionName
 * @param createdMillis   issue time (epoch ms)
 * @param expiresMillis   expiry time (epoch ms; not enforced)
 */
public record AssumedRoleSession(String accessKeyId, String roleArn, String sessionName, long createdMillis,
                                 long expiresMillis) {

    /** The role. */
    public RoleArn role() {
        return RoleArn.parse(roleArn);
    }

    /** {@code arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION}. */
    public String assumedRoleArn() {
        RoleArn role = role();
        return "arn:aws:sts::" + role.account() + ":assumed-role/" + role.name() + "/" + sessionName;
    }

    /** {@code ROLEID:SESSION}, the principal id of the session. */
    public String assumedRoleId() {
        return role().uniqueId() + ":" + sessionName;
    }
}
