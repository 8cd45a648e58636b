package io.zonebridge.organization;

import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.AccountState;
import software.amazon.awssdk.services.organizations.model.AccountStatus;
import software.amazon.awssdk.services.organizations.model.AwsOrganizationsNotInUseException;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The active accounts of the AWS Organization, read with Organizations ListAccounts through the SDK
 * paginator (every page), filtered by an {@link AccountSelection}. An account counts as active when its
 * {@code State} is {@code ACTIVE}, or, from a service that reports only the older {@code Status}, when
 * that is {@code ACTIVE}; suspended, closed and pending accounts are left out. An account that belongs to no
 * organisation has no other accounts: the answer is then empty. Must run with credentials of the management
 * account or a delegated administrator.
 */
public final class OrganizationAccounts implements AutoCloseable {

    private final OrganizationsClient client;
    private final AccountSelection selection;
    private final boolean ownsClient;

    /** Reads through {@code client} (the caller closes it). */
    public OrganizationAccounts(OrganizationsClient client, AccountSelection selection) {
        this(client, selection, false);
    }

    private OrganizationAccounts(OrganizationsClient client, AccountSelection selection, boolean ownsClient) {
        this.client = Objects.requireNonNull(client, "client");
        this.selection = Objects.requireNonNull(selection, "selection");
        this.ownsClient = ownsClient;
    }

    /** Reads through a new client for {@code endpoint}, closed with this object. */
    public static OrganizationAccounts connect(AwsEndpoint endpoint, AccountSelection selection) {
        return new OrganizationAccounts(endpoint.configure(OrganizationsClient.builder()).build(), selection, true);
    }

    /** The selected active accounts, sorted by id (empty when the caller's account is in no organisation). */
    public List<AwsAccount> activeAccounts() {
        try {
            return client.listAccountsPaginator().stream()
                    .flatMap(page -> page.accounts().stream())
                    .filter(OrganizationAccounts::isActive)
                    .filter(account -> selection.selects(account.id()))
                    .map(account -> new AwsAccount(account.id(), account.name()))
                    .sorted(Comparator.comparing(AwsAccount::id))
                    .toList();
        } catch (AwsOrganizationsNotInUseException e) {
            return List.of();
        }
    }

    static boolean isActive(Account account) {
        if (account.state() != null && account.state() != AccountState.UNKNOWN_TO_SDK_VERSION) {
            return account.state() == AccountState.ACTIVE;
        }
        return account.status() == AccountStatus.ACTIVE;
    }

    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }
}
