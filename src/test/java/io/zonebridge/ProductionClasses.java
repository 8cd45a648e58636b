package io.zonebridge;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The production classes of {@code io.zonebridge} (no test classes) as ArchUnit imports them, imported once per
 * test JVM and shared by the classes that check rules on them ({@link ArchitectureTest},
 * {@code LocalIndependenceTest}, {@code LocalPeersTest}): an import reads every class file and resolves what they
 * use from the class path, which is the bulk of such a test's time. {@link JavaClasses} is immutable.
 */
public final class ProductionClasses {

    private ProductionClasses() {
    }

    /** The imported classes; the first call imports them. */
    public static JavaClasses all() {
        return Holder.CLASSES;
    }

    private static final class Holder {
        static final JavaClasses CLASSES = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.zonebridge");
    }
}
