package io.zonebridge.organization;

import java.util.Objects;

/**
 * An active member account of the AWS Organization, as ListAccounts reports it.
 *
 * @param id   the twelve-digit account id
 * @param name the account's name (may be empty)
 */
public record AwsAccount(String id, String name) {
    public AwsAccount {
        Objects.requireNonNull(id, "id");
        name = name == null ? "" : name;
    }
}
