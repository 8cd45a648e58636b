package io.zonebridge.deploy;

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

    private ProductApiCalls() {
    }

    /** Scans the product classes on the class path and the route files in {@code routesDirectory}. */
    public static List<ApiCall> scan(Path routesDirectory) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("/" + EMULATOR_PACKAGE.replace('.', '/') + "/"))
                .importPackages("io.zonebridge");
        for (JavaClass type : classes) {
            if (type.getPackageName().startsWith(EMULATOR_PACKAGE)) {
                throw new IllegalStateException("emulator class imported: " + type.getName());
            }
        }
        if (classes.size() < 50) {
            throw new IllegalStateException("only " + classes.size() + " product classes found: is target/classes built?");
        }
        List<ApiCall> calls = new ArrayList<>(new SdkCallScanner().scan(classes));
        calls.addAll(new CamelRouteScanner().scanDirectory(routesDirectory));
        return calls;
    }
}
