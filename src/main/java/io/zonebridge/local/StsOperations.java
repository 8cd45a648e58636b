package io.zonebridge.local;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * STS AssumeRole and GetCallerIdentity. Any caller may assume any role (trust policies are not modelled), except
 * that a role configured with an external id ({@link EmulatorState#roleExternalIds}) demands exactly that id.
 */
public final class StsOperations {
    static final String NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";
    private static final String SESSION_NAME = "[\\w+=,.@-]{2,64}";
    private final SecureRandom random = new SecureRandom();
    private final EmulatorState state;
    private final LongSupplier clock;

    /** Creates the operations over {@code state}. */
    public StsOperations(EmulatorState state, LongSupplier clock) {
        this.state = state;
        this.clock = clock;
    }

    /** AssumeRole: new temporary credentials for the role's account. */
    public String assumeRole(CallerIdentity caller, Map<String, String> params, String requestId) {
        RoleArn role = RoleArn.parse(params.get("RoleArn"));
        String sessionName = params.get("RoleSessionName");
        if (sessionName == null || !sessionName.matches(SESSION_NAME)) {
            throw new ServiceException(400, "ValidationError", "1 validation error detected: Value '" + sessionName
                    + "' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression "
                    + "pattern: " + SESSION_NAME);
        }
        long duration = duration(params.get("DurationSeconds"));
        long now = clock.getAsLong();
        AssumedRoleSession session = state.mutate(() -> {
            String required = state.roleExternalIds().get(role.arn());
            if (required != null && !required.equals(params.get("ExternalId"))) {
                throw new ServiceException(403, "AccessDenied", "User: " + caller.arn()
                        + " is not authorized to perform: sts:AssumeRole on resource: " + role.arn());
            }
            String key;
            do {
                key = AccountIds.temporaryAccessKey(role.account(), random.nextInt(36 * 36 * 36 * 36));
            } while (state.sessions().containsKey(key));
            AssumedRoleSession created = new AssumedRoleSession(key, role.arn(), sessionName, now,
                    now + duration * 1000);
            state.sessions().put(key, created);
            return created;
        });
        return new XmlWriter("AssumeRoleResponse", NAMESPACE).start("AssumeRoleResult")
                .start("Credentials").element("AccessKeyId", session.accessKeyId())
                .element("SecretAccessKey", token(30)).element("SessionToken", token(96))
                .element("Expiration", Instant.ofEpochMilli(session.expiresMillis()).toString()).end()
                .start("AssumedRoleUser").element("AssumedRoleId", session.assumedRoleId())
                .element("Arn", session.assumedRoleArn()).end()
                .element("PackedPolicySize", 0).end()
                .start("ResponseMetadata").element("RequestId", requestId).finish();
    }

    /** GetCallerIdentity: account, ARN and user id of the caller. */
    public String getCallerIdentity(CallerIdentity caller, String requestId) {
        return new XmlWriter("GetCallerIdentityResponse", NAMESPACE).start("GetCallerIdentityResult")
                .element("UserId", caller.userId()).element("Account", caller.caller().account())
                .element("Arn", caller.arn()).end()
                .start("ResponseMetadata").element("RequestId", requestId).finish();
    }

    private static long duration(String value) {
        long seconds;
        try {
            seconds = Long.parseLong(Objects.requireNonNullElse(value, "3600"));
        } catch (NumberFormatException e) {
            throw new ServiceException(400, "ValidationError", "Invalid DurationSeconds '" + value + "'");
        }
        if (seconds < 900 || seconds > 43200) {
            throw new ServiceException(400, "ValidationError", "1 validation error detected: Value '" + seconds
                    + "' at 'durationSeconds' failed to satisfy constraint: Member must have value "
                    + (seconds < 900 ? "greater than or equal to 900" : "less than or equal to 43200"));
        }
        return seconds;
    }

    private String token(int bytes) {
        byte[] raw = new byte[bytes];
        random.nextBytes(raw);
        return Base64.getEncoder().encodeToString(raw);
    }
}
