package io.zonebridge.local;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.AccountNotFoundException;
import software.amazon.awssdk.services.organizations.model.AccountStatus;
import software.amazon.awssdk.services.organizations.model.AccessDeniedException;
import software.amazon.awssdk.services.organizations.model.AlreadyInOrganizationException;
import software.amazon.awssdk.services.organizations.model.AwsOrganizationsNotInUseException;
import software.amazon.awssdk.services.organizations.model.CreateAccountState;
import software.amazon.awssdk.services.organizations.model.CreateAccountStatus;
import software.amazon.awssdk.services.organizations.model.CreateAccountStatusNotFoundException;
import software.amazon.awssdk.services.organizations.model.ListAccountsResponse;
import software.amazon.awssdk.services.organizations.model.Organization;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Organizations through the real SDK client and its ListAccounts paginator. */
class OrganizationsConformanceTest {
    static final String MANAGEMENT = "100000000001";
    private final LocalAwsServer server = new LocalAwsServer();

    @BeforeEach
    void start() {
        server.start(0);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    static OrganizationsClient organizations(LocalAwsServer server, String accessKey) {
        return OrganizationsClient.builder().endpointOverride(URI.create(server.endpoint()))
                .region(Region.US_EAST_1).httpClientBuilder(ApacheHttpClient.builder())
                .credentialsProvider(StsConformanceTest.key(accessKey)).build();
    }

    @Test
    void anAccountOutsideAnOrganizationGetsNotInUse() {
        try (OrganizationsClient org = organizations(server, MANAGEMENT)) {
            AwsOrganizationsNotInUseException e = assertThrows(AwsOrganizationsNotInUseException.class,
                    org::describeOrganization);
            assertEquals("Your account is not a member of an organization.", e.awsErrorDetails().errorMessage());
            assertThrows(AwsOrganizationsNotInUseException.class, () -> org.listAccounts(r -> { }));
        }
    }

    @Test
    void createdAccountsAreListedPageByPageThroughThePaginator() {
        try (OrganizationsClient org = organizations(server, MANAGEMENT)) {
            Organization created = org.createOrganization(r -> r.featureSet("ALL")).organization();
            assertTrue(created.id().matches("o-[a-z0-9]{10}"), created.id());
            assertEquals(MANAGEMENT, created.masterAccountId());
            assertEquals(created, org.describeOrganization().organization());
            List<String> createdIds = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                int n = i;
                CreateAccountStatus status = org.createAccount(r -> r.accountName("member-" + n)
                        .email("member-" + n + "@example.com")).createAccountStatus();
                assertEquals(CreateAccountState.SUCCEEDED, status.state());
                assertTrue(status.accountId().matches("\\d{12}"));
                assertEquals(status, org.describeCreateAccountStatus(r -> r.createAccountRequestId(status.id()))
                        .createAccountStatus());
                createdIds.add(status.accountId());
            }
            List<ListAccountsResponse> pages = org.listAccountsPaginator(r -> r.maxResults(7)).stream().toList();
            assertEquals(4, pages.size(), "26 accounts in pages of 7");
            List<Account> accounts = pages.stream().flatMap(p -> p.accounts().stream()).toList();
            assertEquals(26, accounts.size());
            assertEquals(MANAGEMENT, accounts.get(0).id());
            assertEquals(createdIds, accounts.subList(1, 26).stream().map(Account::id).toList());
            assertTrue(accounts.stream().allMatch(a -> a.status() == AccountStatus.ACTIVE));
            assertEquals("arn:aws:organizations::" + MANAGEMENT + ":account/" + created.id() + "/" + createdIds.get(0),
                    accounts.get(1).arn());
            assertEquals("member-0", accounts.get(1).name());
        }
    }

    @Test
    void closedAccountsAreSuspendedAndRemovedOnesGone() {
        try (OrganizationsClient org = organizations(server, MANAGEMENT)) {
            org.createOrganization(r -> { });
            String closed = org.createAccount(r -> r.accountName("old").email("old@example.com"))
                    .createAccountStatus().accountId();
            String removed = org.createAccount(r -> r.accountName("gone").email("gone@example.com"))
                    .createAccountStatus().accountId();
            org.closeAccount(r -> r.accountId(closed));
            org.removeAccountFromOrganization(r -> r.accountId(removed));
            List<Account> accounts = org.listAccountsPaginator(r -> { }).stream()
                    .flatMap(p -> p.accounts().stream()).toList();
            assertEquals(List.of(MANAGEMENT, closed), accounts.stream().map(Account::id).toList());
            assertEquals(AccountStatus.SUSPENDED, accounts.get(1).status());
            assertEquals(AccountStatus.SUSPENDED, org.describeAccount(r -> r.accountId(closed)).account().status());
            assertThrows(AccountNotFoundException.class, () -> org.describeAccount(r -> r.accountId(removed)));
        }
    }

    @Test
    void membersMayListButNotChange() {
        try (OrganizationsClient org = organizations(server, MANAGEMENT)) {
            org.createOrganization(r -> { });
            String member = org.createAccount(r -> r.accountName("network").email("net@example.com"))
                    .createAccountStatus().accountId();
            assertThrows(AlreadyInOrganizationException.class, () -> org.createOrganization(r -> { }));
            assertThrows(CreateAccountStatusNotFoundException.class,
                    () -> org.describeCreateAccountStatus(r -> r.createAccountRequestId("car-0")));
            try (OrganizationsClient asMember = organizations(server, member)) {
                assertEquals(2, asMember.listAccountsPaginator(r -> { }).stream()
                        .mapToLong(p -> p.accounts().size()).sum());
                AccessDeniedException denied = assertThrows(AccessDeniedException.class,
                        () -> asMember.createAccount(r -> r.accountName("x").email("x@example.com")));
                assertEquals(400, denied.statusCode());
                assertThrows(AlreadyInOrganizationException.class, () -> asMember.createOrganization(r -> { }));
            }
        }
    }
}
