package io.zonebridge.docs;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The docs check: every runnable example of README.md and docs/*.md (the marked {@code console} blocks, see
 * docs/layout.md, "Runnable examples") runs for real, with the real launcher {@code bin/zonebridge} and the real AWS
 * CLI, and prints what the document shows; so the documentation cannot rot. Each example is one test. The examples
 * are independent (each its own directory and free ports), so they run side by side ({@link ExampleRuns}): most of
 * an example's time is waiting on its processes.
 */
class DocsExamplesTest {
    private static final Path CHECKOUT = Path.of("").toAbsolutePath();
    /** A bound for one example, far above what one takes (about a minute), for a loaded machine. */
    private static final Duration LIMIT = Duration.ofMinutes(8);
    /** A bound for the launcher's first build of the jar and the local peers. */
    private static final Duration BUILD_LIMIT = Duration.ofMinutes(20);
    /** The examples the documents must keep runnable (issue 15): a change that unmarks one fails here. */
    private static final List<String> REQUIRED = List.of("README.md: quick-start", "README.md: command-line",
            "docs/doctor.md: doctor", "docs/reverse-dns.md: walkthrough", "docs/ec2-dns.md: walkthrough");

    @Test
    void theRequiredExamplesAreRunnable() throws IOException {
        List<String> ids = examples().stream().map(DocExample::id).toList();
        for (String required : REQUIRED) {
            assertTrue(ids.contains(required), required + " is not a runnable example; found: " + ids);
        }
    }

    /**
     * Every example, or with {@code -Ddocs.examples=NAME,...} those of these names (while editing one); at most
     * {@code -Ddocs.examples.parallel=N} at a time (all of them unless given; 1 runs them one after another).
     */
    @TestFactory
    Stream<DynamicTest> everyExampleRunsAsDocumented() throws Exception {
        launcherBuilt();
        List<String> only = Stream.of(System.getProperty("docs.examples", "").split(","))
                .map(String::trim).filter(name -> !name.isEmpty()).toList();
        List<DocExample> chosen = examples().stream()
                .filter(example -> only.isEmpty() || only.contains(example.name())).toList();
        ExampleRuns runs = ExampleRuns.start(new ExampleShell(CHECKOUT, LIMIT), chosen,
                Integer.getInteger("docs.examples.parallel", Math.max(1, chosen.size())));
        return chosen.stream().map(example -> DynamicTest.dynamicTest(example.id(), () -> runs.await(example)))
                .onClose(runs::close);
    }

    /** The runnable examples of README.md and docs/*.md, in file order. */
    static List<DocExample> examples() throws IOException {
        List<Path> files = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> docs = Files.list(CHECKOUT.resolve("docs"))) {
            docs.map(CHECKOUT::relativize).filter(file -> file.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        List<DocExample> examples = new ArrayList<>();
        for (Path file : files) {
            examples.addAll(MarkdownExamples.read(CHECKOUT, file));
        }
        return examples;
    }

    /**
     * Lets the launcher build the jar and the local peers when they are missing or older than the sources, as a
     * reader's first {@code bin/zonebridge} would, before any example's time limit starts.
     */
    private static void launcherBuilt() throws Exception {
        Path output = Files.createTempFile("zonebridge-docs-launcher", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(CHECKOUT.resolve("bin/zonebridge").toString(), "local",
                    "--help").directory(CHECKOUT.toFile()).redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().keySet().removeIf(name -> name.equals("JAVA_TOOL_OPTIONS")
                    || name.startsWith("ZONEBRIDGE_"));
            Process launcher = builder.start();
            boolean ended = launcher.waitFor(BUILD_LIMIT.toSeconds(), TimeUnit.SECONDS);
            if (!ended) {
                launcher.descendants().forEach(ProcessHandle::destroy);
                launcher.destroy();
            }
            String printed = Files.readString(output, StandardCharsets.UTF_8);
            assertTrue(ended, "bin/zonebridge local --help did not end within " + BUILD_LIMIT + ":\n" + printed);
            assertEquals(0, launcher.exitValue(), "bin/zonebridge local --help:\n" + printed);
            assertTrue(printed.contains("--dynamodb-port"), printed);
        } finally {
            Files.delete(output);
        }
    }
}
