package io.zonebridge.deploy;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Every AWS API call of the product: SDK calls in the compiled {@code io.zonebridge} classes (not
 * {@code io.zonebridge.local}, the emulator, and not test classes) plus the Camel endpoints of the
 * route files and the calls of the DynamoDB lock client ({@link #LOCK_CLIENT_CALLS}).
 */
public final class ProductApiCalls {

    /** The emulator package: an independent implementation of AWS, it calls no AWS API. */
    public static final String EMULATOR_PACKAGE = "io.zonebridge.local";

    /** Where Maven compiles the product classes. */
    public static final Path PRODUCT_CLASSES = Path.of("target", "classes");

    /**
     * What AWS Labs' DynamoDB lock client calls for {@code io.zonebridge.app.cluster.LeaseView} (a library: its calls
     * are not in the product's classes): acquireLock reads the lease (GetItem) and takes it with a conditional
     * PutItem; heartbeats and releaseLock (the lease item is kept: deleteLockOnRelease=false) are conditional
     * UpdateItems.
     */
    public static final List<ApiCall> LOCK_CLIENT_CALLS = List.of(
            new ApiCall(IamAction.parse("dynamodb:GetItem"), "com.amazonaws.services.dynamodbv2.AmazonDynamoDBLockClient"),
            new ApiCall(IamAction.parse("dynamodb:PutItem"), "com.amazonaws.services.dynamodbv2.AmazonDynamoDBLockClient"),
            new ApiCall(IamAction.parse("dynamodb:UpdateItem"), "com.amazonaws.services.dynamodbv2.AmazonDynamoDBLockClient"));

    /** The scans made so far in this JVM, by routes directory. */
    private static final Map<Path, PermissionScopes> SCANNED = new ConcurrentHashMap<>();

    private ProductApiCalls() {
    }

    /**
     * Scans the compiled product classes and the route files in {@code routesDirectory}, and sorts the calls
     * into {@link PermissionScopes}; once per test JVM and directory (IamCoverageTest and DoctorPermissionsTest
     * read the same scan; {@link PermissionScopes} is not changed by its readers).
     */
    public static PermissionScopes scopes(Path routesDirectory) {
        return SCANNED.computeIfAbsent(routesDirectory.toAbsolutePath().normalize(), ProductApiCalls::scan);
    }

    private static PermissionScopes scan(Path routesDirectory) {
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
        calls.addAll(LOCK_CLIENT_CALLS);
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
