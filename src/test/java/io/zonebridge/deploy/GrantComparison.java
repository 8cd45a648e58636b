package io.zonebridge.deploy;

import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The difference between the actions the code needs and the actions a template grants.
 *
 * @param principal what the grant is for (for the message)
 * @param missing   needed but not granted
 * @param extra     granted but not needed
 */
public record GrantComparison(String principal, Set<IamAction> missing, Set<IamAction> extra) {

    /** Compares needed with granted. */
    public static GrantComparison of(String principal, Set<IamAction> needed, Set<IamAction> granted) {
        Set<IamAction> missing = new TreeSet<>(needed);
        missing.removeAll(granted);
        Set<IamAction> extra = new TreeSet<>(granted);
        extra.removeAll(needed);
        return new GrantComparison(principal, missing, extra);
    }

    /** Whether the grant is exact. */
    public boolean exact() {
        return missing.isEmpty() && extra.isEmpty();
    }

    /** A message listing missing actions (with their callers) and extra actions. */
    public String message(Function<IamAction, Set<String>> callers) {
        StringBuilder text = new StringBuilder(principal).append(" does not grant exactly what the code calls");
        if (!missing.isEmpty()) {
            text.append("\n  missing (add to the template):");
            missing.forEach(a -> text.append("\n    ").append(a).append("   called by ").append(callers.apply(a)));
        }
        if (!extra.isEmpty()) {
            text.append("\n  extra (the code does not call them; remove from the template):");
            extra.forEach(a -> text.append("\n    ").append(a));
        }
        return text.toString();
    }
}
