package io.zonebridge.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * AWS Organizations (JSON 1.1, {@code AWSOrganizationsV20161128.*}): CreateOrganization, DescribeOrganization,
 * CreateAccount (SUCCEEDED at once), DescribeCreateAccountStatus, DescribeAccount, ListAccounts (paged),
 * CloseAccount (the account turns SUSPENDED at once) and RemoveAccountFromOrganization. Any member account may
 * list and describe (as if it were a delegated administrator); only the management account may change.
 */
public final class OrganizationsService implements JsonService {
    private static final String PREFIX = "AWSOrganizationsV20161128.";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private final SecureRandom random = new SecureRandom();
    private final EmulatorState state;
    private final LongSupplier clock;

    /** Creates the service over {@code state}. */
    public OrganizationsService(EmulatorState state, LongSupplier clock) {
        this.state = state;
        this.clock = clock;
    }

    @Override
    public String targetPrefix() {
        return PREFIX;
    }

    @Override
    public JsonNode call(String operation, Caller caller, JsonNode request) {
        String account = caller.account();
        return switch (operation) {
            case "CreateOrganization" -> state.mutate(() -> createOrganization(account, request));
            case "DescribeOrganization" -> state.read(() -> describeOrganization(account));
            case "CreateAccount" -> state.mutate(() -> createAccount(account, request));
            case "DescribeCreateAccountStatus" -> state.read(() -> describeCreateAccountStatus(account, request));
            case "DescribeAccount" -> state.read(() -> describeAccount(account, request));
            case "ListAccounts" -> state.read(() -> listAccounts(account, request));
            case "CloseAccount" -> state.mutate(() -> closeAccount(account, request));
            case "RemoveAccountFromOrganization" -> state.mutate(() -> removeAccount(account, request));
            default -> throw JsonProtocolHandler.unknownOperation(PREFIX, operation);
        };
    }

    private JsonNode createOrganization(String account, JsonNode request) {
        if (findOrganization(account) != null) {
            throw new ServiceException(400, "AlreadyInOrganizationException",
                    "The AWS account is already a member of an organization.");
        }
        String featureSet = request.path("FeatureSet").asText("ALL");
        if (!featureSet.equals("ALL") && !featureSet.equals("CONSOLIDATED_BILLING")) {
            throw invalidInput("INVALID_ENUM", "You specified an invalid value.");
        }
        String id = "o-" + randomLower(10);
        OrganizationData organization = new OrganizationData(id, account, featureSet, new LinkedHashMap<>(),
                new LinkedHashMap<>());
        organization.accounts().put(account, new OrganizationData.MemberAccount(account, "management",
                "management@" + account + ".example.com", "ACTIVE", "CREATED", clock.getAsLong()));
        state.organizations().put(id, organization);
        return organizationAnswer(organization);
    }

    private JsonNode describeOrganization(String account) {
        return organizationAnswer(memberOrganization(account));
    }

    private ObjectNode organizationAnswer(OrganizationData organization) {
        ObjectNode answer = JSON.objectNode();
        ObjectNode node = answer.putObject("Organization");
        String management = organization.managementAccountId();
        node.put("Id", organization.id()).put("Arn", organization.arn()).put("FeatureSet", organization.featureSet())
                .put("MasterAccountArn", organization.accountArn(management))
                .put("MasterAccountId", management)
                .put("MasterAccountEmail", organization.accounts().get(management).email());
        node.putArray("AvailablePolicyTypes");
        return answer;
    }

    private JsonNode createAccount(String account, JsonNode request) {
        OrganizationData organization = managedOrganization(account);
        String email = required(request, "Email");
        String name = required(request, "AccountName");
        String accountId;
        do {
            accountId = String.format("%012d", Math.floorMod(random.nextLong(), 1_000_000_000_000L));
        } while (accountTaken(accountId));
        long now = clock.getAsLong();
        organization.accounts().put(accountId, new OrganizationData.MemberAccount(accountId, name, email, "ACTIVE",
                "CREATED", now));
        OrganizationData.CreateAccountRequest created = new OrganizationData.CreateAccountRequest(
                "car-" + HexFormat.of().formatHex(randomBytes(16)), name, accountId, now);
        organization.createStatuses().put(created.id(), created);
        return statusAnswer(created);
    }

    private boolean accountTaken(String accountId) {
        return state.organizations().values().stream().anyMatch(o -> o.accounts().containsKey(accountId))
                || state.accounts().stream().anyMatch(a -> a.accountId().equals(accountId));
    }

    private JsonNode describeCreateAccountStatus(String account, JsonNode request) {
        String id = required(request, "CreateAccountRequestId");
        OrganizationData.CreateAccountRequest created = memberOrganization(account).createStatuses().get(id);
        if (created == null) {
            throw new ServiceException(400, "CreateAccountStatusNotFoundException", "We can't find an create "
                    + "account request with the CreateAccountRequestId that you specified.");
        }
        return statusAnswer(created);
    }

    private static ObjectNode statusAnswer(OrganizationData.CreateAccountRequest created) {
        ObjectNode answer = JSON.objectNode();
        answer.putObject("CreateAccountStatus").put("Id", created.id()).put("AccountName", created.accountName())
                .put("State", "SUCCEEDED").put("RequestedTimestamp", created.requestedMillis() / 1000.0)
                .put("CompletedTimestamp", created.requestedMillis() / 1000.0).put("AccountId", created.accountId());
        return answer;
    }

    private JsonNode describeAccount(String account, JsonNode request) {
        OrganizationData organization = memberOrganization(account);
        ObjectNode answer = JSON.objectNode();
        answer.set("Account", accountNode(organization, member(organization, required(request, "AccountId"))));
        return answer;
    }

    private JsonNode listAccounts(String account, JsonNode request) {
        OrganizationData organization = memberOrganization(account);
        int maxResults = request.path("MaxResults").asInt(20);
        if (maxResults < 1 || maxResults > 20) {
            throw invalidInput("INVALID_PARAMETER_VALUE_MAX_RESULTS", "You provided a value that is not valid: "
                    + "MaxResults must be between 1 and 20.");
        }
        int start = PageToken.decode(request.path("NextToken").asText(null), invalidInput(
                "INVALID_PAGINATION_TOKEN", "You provided a value that is not valid: NextToken."));
        List<OrganizationData.MemberAccount> all = new ArrayList<>(organization.accounts().values());
        ObjectNode answer = JSON.objectNode();
        ArrayNode accounts = answer.putArray("Accounts");
        int end = Math.min(all.size(), start + maxResults);
        for (int i = start; i < end; i++) {
            accounts.add(accountNode(organization, all.get(i)));
        }
        if (end < all.size()) {
            answer.put("NextToken", PageToken.encode(end));
        }
        return answer;
    }

    private JsonNode closeAccount(String account, JsonNode request) {
        OrganizationData organization = managedOrganization(account);
        OrganizationData.MemberAccount member = member(organization, required(request, "AccountId"));
        if (member.id().equals(organization.managementAccountId())) {
            throw constraint("MASTER_ACCOUNT_CANNOT_BE_CLOSED", "You can't close the management account.");
        }
        organization.accounts().put(member.id(), member.withStatus("SUSPENDED"));
        return JSON.objectNode();
    }

    private JsonNode removeAccount(String account, JsonNode request) {
        OrganizationData organization = managedOrganization(account);
        OrganizationData.MemberAccount member = member(organization, required(request, "AccountId"));
        if (member.id().equals(organization.managementAccountId())) {
            throw constraint("MASTER_ACCOUNT_CANNOT_LEAVE", "You can't remove the management account.");
        }
        organization.accounts().remove(member.id());
        return JSON.objectNode();
    }

    private static ObjectNode accountNode(OrganizationData organization, OrganizationData.MemberAccount member) {
        return JSON.objectNode().put("Id", member.id()).put("Arn", organization.accountArn(member.id()))
                .put("Email", member.email()).put("Name", member.name()).put("Status", member.status())
                .put("JoinedMethod", member.joinedMethod()).put("JoinedTimestamp", member.joinedMillis() / 1000.0);
    }

    private OrganizationData findOrganization(String account) {
        return state.organizations().values().stream().filter(o -> o.accounts().containsKey(account)).findFirst()
                .orElse(null);
    }

    private OrganizationData memberOrganization(String account) {
        OrganizationData organization = findOrganization(account);
        if (organization == null) {
            throw new ServiceException(400, "AWSOrganizationsNotInUseException",
                    "Your account is not a member of an organization.");
        }
        return organization;
    }

    private OrganizationData managedOrganization(String account) {
        OrganizationData organization = memberOrganization(account);
        if (!organization.managementAccountId().equals(account)) {
            throw new ServiceException(400, "AccessDeniedException",
                    "You don't have permissions to access this resource.");
        }
        return organization;
    }

    private static OrganizationData.MemberAccount member(OrganizationData organization, String accountId) {
        OrganizationData.MemberAccount member = organization.accounts().get(accountId);
        if (member == null) {
            throw new ServiceException(400, "AccountNotFoundException",
                    "You specified an account that doesn't exist.");
        }
        return member;
    }

    private static String required(JsonNode request, String field) {
        JsonNode value = request.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw invalidInput("INVALID_INPUT", "You provided a value that does not match the required pattern: "
                    + field + " is required.");
        }
        return value.asText();
    }

    private static ServiceException invalidInput(String reason, String message) {
        return new ServiceException(400, "InvalidInputException", message + " (" + reason + ")");
    }

    private static ServiceException constraint(String reason, String message) {
        return new ServiceException(400, "ConstraintViolationException", message + " (" + reason + ")");
    }

    private String randomLower(int length) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }
}
