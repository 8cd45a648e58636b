package io.zonebridge.deploy;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Every AWS API call of the product: SDK calls in the compiled {@code io.zonebridge} classes (not
 * {@code io.zonebridge.local}, the emulator, and not test classes) plus the Camel endpoints of the
 * route files.
 */
public final class ProductApiCalls {

    /** The emulator package: an independent implementation of AWS, it calls no AWS API. */
    public static final String EMULATOR_PACKAGE = "io.zonebridge.local";

    /** Where Maven compiles the product classes. */
    public static final Path PRODUCT_CLASSES = Path.of("target", "classes");

    private ProductApiCalls() {
    }

    /**
     * Scans the compiled product classes and the route files in {@code routesDirectory}, and sorts the calls
     * into {@link PermissionScopes}.
     */
    public static PermissionScopes scopes(Path routesDirectory) {
        JavaClasses classes = importProductClasses();
        return new PermissionScopes(scan(classes, routesDirectory),
                ProvisioningClasses.of(classes, PermissionScopes.PROVISIONING_CALLERS));
    }

    private static List<ApiCall> scan(JavaClasses classes, Path routesDirectory) {
        for (JavaClass type : classes) {
            if (type.getPackageName().startsWith(EMULATOR_PACKAGE)) {
                throw new IllegalStateException("emulator class imported: " + type.getName());
            }
        }
        if (classes.size() < 50) {
            throw new IllegalStateException("only " + classes.size() + " product classes in " + PRODUCT_CLASSES
                    + ": is the project compiled?");
        }
        List<ApiCall> calls = new ArrayList<>(new SdkCallScanner().scan(classes));
        calls.addAll(new CamelRouteScanner().scanDirectory(routesDirectory));
        return calls;
    }

    /**
     * Imports the product classes. SDK types they call stay stubs (the scanner reads them by reflection), so
     * ArchUnit's class-path resolution is off for this import and restored afterwards.
     */
    static JavaClasses importProductClasses() {
        ArchConfiguration configuration = ArchConfiguration.get();
        boolean resolve = configuration.resolveMissingDependenciesFromClassPath();
        configuration.setResolveMissingDependenciesFromClassPath(false);
        try {
            return new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .withImportOption(location -> !location.contains("/" + EMULATOR_PACKAGE.replace('.', '/') + "/"))
                    .importPath(PRODUCT_CLASSES);
        } finally {
            configuration.setResolveMissingDependenciesFromClassPath(resolve);
        }
    }
}
