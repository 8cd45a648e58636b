package io.zonebridge.local;

import java.util.Map;

/**
 * One AWS Organization.
 *
 * @param id                  {@code o-} + 10 characters
 * @param managementAccountId the account that created it
 * @param featureSet          ALL or CONSOLIDATED_BILLING
 * @param accounts            member accounts (the management account first), by id, in joining order
 * @param createStatuses      CreateAccount requests by request id
 */
public record OrganizationData(String id, String managementAccountId, String featureSet,
                               Map<String, MemberAccount> accounts, Map<String, CreateAccountRequest> createStatuses) {

    /**
     * An account of the organization.
     *
     * @param id           12-digit account id
     * @param name         account name
     * @param email        root e-mail
     * @param status       ACTIVE, SUSPENDED or PENDING_CLOSURE
     * @param joinedMethod CREATED or INVITED
     * @param joinedMillis when it joined (epoch ms)
     */
    public record MemberAccount(String id, String name, String email, String status, String joinedMethod,
                                long joinedMillis) {

        /** This account with another status. */
        public MemberAccount withStatus(String newStatus) {
            return new MemberAccount(id, name, email, newStatus, joinedMethod, joinedMillis);
        }
    }

    /**
     * A CreateAccount request (always SUCCEEDED at once).
     *
     * @param id            {@code car-} + 32 hex digits
     * @param accountName   requested name
     * @param accountId     the created account
     * @param requestedMillis request time (epoch ms)
     */
    public record CreateAccountRequest(String id, String accountName, String accountId, long requestedMillis) {
    }

    /** The organization's ARN. */
    public String arn() {
        return "arn:aws:organizations::" + managementAccountId + ":organization/" + id;
    }

    /** The ARN of member {@code accountId}. */
    public String accountArn(String accountId) {
        return "arn:aws:organizations::" + managementAccountId + ":account/" + id + "/" + accountId;
    }
}
