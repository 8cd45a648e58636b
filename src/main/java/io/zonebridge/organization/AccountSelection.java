package io.zonebridge.organization;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which accounts of the organisation zonebridge works on: the listed ones (all when {@code include} is
 * empty), minus the excluded ones. Accounts are named by their twelve-digit id.
 *
 * @param include account ids to work on; empty means every active account
 * @param exclude account ids never to work on (wins over {@code include})
 */
public record AccountSelection(Set<String> include, Set<String> exclude) {

    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

    /** Every active account. */
    public static final AccountSelection ALL = new AccountSelection(Set.of(), Set.of());

    public AccountSelection {
        include = checked(include, "include");
        exclude = checked(exclude, "exclude");
    }

    /** True when the account is selected. */
    public boolean selects(String accountId) {
        return (include.isEmpty() || include.contains(accountId)) && !exclude.contains(accountId);
    }

    private static Set<String> checked(Set<String> ids, String what) {
        Set<String> copy = Set.copyOf(ids == null ? Set.of() : ids);
        for (String id : copy) {
            if (!ACCOUNT_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("account selection " + what + ": '" + id
                        + "' is not a twelve-digit AWS account id");
            }
        }
        return copy;
    }
}
