package io.zonebridge.local;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The principal behind a caller: an assumed-role session when its key came from STS AssumeRole, otherwise the
 * account's root (the emulator has no IAM users). Gives GetCallerIdentity's values and CloudTrail's
 * {@code userIdentity}.
 *
 * @param caller  the request's caller
 * @param session the session of its key, or null
 */
public record CallerIdentity(Caller caller, AssumedRoleSession session) {

    /** The identity of {@code caller}, looking its key up among the STS sessions of {@code state}. */
    public static CallerIdentity of(Caller caller, EmulatorState state) {
        AssumedRoleSession session = caller.accessKeyId() == null ? null
                : state.read(() -> state.sessions().get(caller.accessKeyId()));
        return new CallerIdentity(caller, session);
    }

    /** The principal's ARN. */
    public String arn() {
        return session != null ? session.assumedRoleArn() : "arn:aws:iam::" + caller.account() + ":root";
    }

    /** The principal's id (GetCallerIdentity's UserId). */
    public String userId() {
        return session != null ? session.assumedRoleId() : caller.account();
    }

    /** CloudTrail's {@code userIdentity} object. */
    public ObjectNode toCloudTrail() {
        ObjectNode identity = JsonNodeFactory.instance.objectNode();
        if (session == null) {
            identity.put("type", "Root").put("principalId", caller.account()).put("arn", arn())
                    .put("accountId", caller.account());
            if (caller.accessKeyId() != null) {
                identity.put("accessKeyId", caller.accessKeyId());
            }
            return identity;
        }
        RoleArn role = session.role();
        identity.put("type", "AssumedRole").put("principalId", userId()).put("arn", arn())
                .put("accountId", role.account()).put("accessKeyId", session.accessKeyId());
        ObjectNode context = identity.putObject("sessionContext");
        context.putObject("sessionIssuer").put("type", "Role").put("principalId", role.uniqueId())
                .put("arn", role.arn()).put("accountId", role.account()).put("userName", role.name());
        context.putObject("webIdFederationData");
        context.putObject("attributes")
                .put("creationDate", Instant.ofEpochMilli(session.createdMillis()).truncatedTo(ChronoUnit.SECONDS)
                        .toString())
                .put("mfaAuthenticated", "false");
        return identity;
    }
}
