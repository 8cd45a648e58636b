package io.zonebridge.deploy;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The classes that only the {@code zonebridge provision} command runs: the roots (classes or packages named
 * by prefix), and every class that is used by provisioning classes only (followed to a fixed point). A class
 * nothing in the code refers to (a bean named in a route, an entry point) is never counted as provisioning.
 * Nested classes and lambdas count as their top-level class.
 */
public final class ProvisioningClasses {

    private ProvisioningClasses() {
    }

    /**
     * The provisioning-only top-level class names among {@code classes}.
     *
     * @param roots class names or package prefixes (ending in {@code .}) of the provisioning entry points
     */
    public static Set<String> of(JavaClasses classes, List<String> roots) {
        Map<String, Set<String>> usedBy = new HashMap<>();
        for (JavaClass type : classes) {
            String target = topLevel(type.getName());
            Set<String> users = usedBy.computeIfAbsent(target, t -> new TreeSet<>());
            for (Dependency dependency : type.getDirectDependenciesToSelf()) {
                String origin = topLevel(dependency.getOriginClass().getName());
                if (!origin.equals(target)) {
                    users.add(origin);
                }
            }
        }
        Set<String> provisioning = new TreeSet<>();
        usedBy.keySet().stream().filter(name -> roots.stream().anyMatch(name::startsWith)).forEach(provisioning::add);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Map.Entry<String, Set<String>> entry : usedBy.entrySet()) {
                if (!provisioning.contains(entry.getKey()) && !entry.getValue().isEmpty()
                        && provisioning.containsAll(entry.getValue())) {
                    provisioning.add(entry.getKey());
                    grew = true;
                }
            }
        }
        return provisioning;
    }

    /** The top-level class of a (possibly nested) class name. */
    static String topLevel(String className) {
        int dollar = className.indexOf('$');
        return dollar < 0 ? className : className.substring(0, dollar);
    }
}
