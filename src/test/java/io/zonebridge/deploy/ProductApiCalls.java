package io.zonebridge.deploy;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

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
            String pkg = type.getPackageName();
            if (pkg.equals(EMULATOR_PACKAGE) || pkg.startsWith(EMULATOR_PACKAGE + ".")) {
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

    /** Imports the product classes: {@code target/classes} without the emulator. */
    static JavaClasses importProductClasses() {
        return withoutClassPathResolution(() -> new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("/" + EMULATOR_PACKAGE.replace('.', '/') + "/"))
                .importPath(PRODUCT_CLASSES));
    }

    /**
     * Runs an import with ArchUnit's class-path resolution off (restored afterwards): the SDK types the
     * classes call stay stubs, which is all the scanner needs (it reads them by reflection), and is fast.
     */
    static JavaClasses withoutClassPathResolution(Supplier<JavaClasses> importer) {
        ArchConfiguration configuration = ArchConfiguration.get();
        boolean resolve = configuration.resolveMissingDependenciesFromClassPath();
        configuration.setResolveMissingDependenciesFromClassPath(false);
        try {
            return importer.get();
        } finally {
            configuration.setResolveMissingDependenciesFromClassPath(resolve);
        }
    }
}
