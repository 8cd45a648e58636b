package io.zonebridge.docs;

import io.zonebridge.secondary.BindPrimary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A temporary directory laid out like the checkout, where one example runs "from the checkout's directory"
 * without touching the real one: {@code bin/}, {@code src/} and {@code target/} link to the checkout (the real
 * launcher and the jar it built), {@code pom.xml} is copied with its time (so the launcher sees nothing newer than
 * the jar), {@code config/} and {@code routes/} are copied (examples edit the sample zone; Camel does not follow a
 * linked routes directory). Every documented default port gets a free one of its own, in the example's text
 * ({@link #rewrite}) and in the copied {@code config/}, and {@code /tmp/} in the text becomes this directory's
 * {@code tmp/}, so examples run beside other tests, other checkouts and each other (no two scratch checkouts alive
 * in this JVM get the same port).
 */
final class ScratchCheckout implements AutoCloseable {
    /** The ports the documents use: emulator HTTP, DNS, SQS, DynamoDB, management (health), NOTIFY. */
    static final List<Integer> DOCUMENTED_PORTS = List.of(4566, 15353, 9324, 8000, 9876, 10053);
    private static final Pattern PORT = Pattern.compile("(?<![0-9])(4566|15353|9324|8000|9876|10053)(?![0-9])");
    private static final Pattern TMP = Pattern.compile("(?<![\\w./-])/tmp/");
    /** The ports of the scratch checkouts alive in this JVM: a free port is handed to one of them only. */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private final Path root;
    private final Map<Integer, Integer> ports;

    private ScratchCheckout(Path root, Map<Integer, Integer> ports) {
        this.root = root;
        this.ports = ports;
    }

    /** A new scratch checkout of {@code checkout} with free ports. */
    static ScratchCheckout of(Path checkout) throws IOException {
        Map<Integer, Integer> ports = new LinkedHashMap<>();
        for (int documented : DOCUMENTED_PORTS) {
            int free;
            do {
                free = BindPrimary.freePort();
            } while (!HANDED_OUT.add(free));
            ports.put(documented, free);
        }
        Path root = Files.createTempDirectory("zonebridge-docs-");
        ScratchCheckout scratch = new ScratchCheckout(root, Map.copyOf(ports));
        for (String linked : List.of("bin", "src", "target")) {
            Files.createSymbolicLink(root.resolve(linked), checkout.resolve(linked));
        }
        Files.copy(checkout.resolve("pom.xml"), root.resolve("pom.xml"), StandardCopyOption.COPY_ATTRIBUTES);
        scratch.copyTree(checkout.resolve("routes"), root.resolve("routes"));
        scratch.copyTree(checkout.resolve("config"), root.resolve("config"));
        Files.createDirectories(root.resolve("tmp"));
        return scratch;
    }

    Path root() {
        return root;
    }

    /** The free port standing in for {@code documented}. */
    int port(int documented) {
        return ports.get(documented);
    }

    /** {@code text} with each documented port replaced by its free one, and {@code /tmp/} by this {@code tmp/}. */
    String rewrite(String text) {
        Matcher port = PORT.matcher(text);
        String ported = port.replaceAll(found -> Integer.toString(ports.get(Integer.parseInt(found.group(1)))));
        return TMP.matcher(ported).replaceAll(Matcher.quoteReplacement(root.resolve("tmp") + "/"));
    }

    /**
     * The environment of the example's shell: the caller's, without its AWS, zonebridge and Camel settings and Java
     * option variables (the JVM would print them); {@code aws} is {@code /usr/bin/aws} (the AWS CLI v2
     * bin/install-test-peers installs) with no configuration or credential files; UTF-8; and the two ports a
     * service takes by default without a configuration file naming them (management and NOTIFY) set through the
     * environment; the launcher's JVMs ({@code ZONEBRIDGE_JAVA_OPTS}) C1-only with the serial collector, as the test
     * JVMs: an example starts a JVM per command, whose work is mostly start-up (no effect on what they print).
     */
    Map<String, String> environment(Map<String, String> inherited) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        inherited.forEach((name, value) -> {
            if (!name.startsWith("AWS_") && !name.startsWith("ZONEBRIDGE_") && !name.startsWith("CAMEL_")
                    && !name.equals("JAVA_TOOL_OPTIONS") && !name.equals("_JAVA_OPTIONS") && !name.equals("JDK_JAVA_OPTIONS")) {
                env.put(name, value);
            }
        });
        Path tools = Files.createDirectories(root.resolve(".docs-check-bin"));
        if (!Files.exists(tools.resolve("aws"), LinkOption.NOFOLLOW_LINKS)) {
            Files.createSymbolicLink(tools.resolve("aws"), Path.of("/usr/bin/aws"));
        }
        env.put("PATH", tools + ":" + inherited.getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("AWS_CONFIG_FILE", root.resolve("tmp/no-aws-config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", root.resolve("tmp/no-aws-credentials").toString());
        env.put("AWS_PAGER", "");
        env.put("LANG", "C.UTF-8");
        env.put("LC_ALL", "C.UTF-8");
        env.put("TMPDIR", root.resolve("tmp").toString());
        env.put("CAMEL_MANAGEMENT_PORT", Integer.toString(port(9876)));
        env.put("ZONEBRIDGE_CONFIG_SECONDARY_NOTIFY_LISTEN", "127.0.0.1:" + port(10053));
        env.put("ZONEBRIDGE_JAVA_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
        return env;
    }

    private void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else if (source.getFileName().toString().matches(".*\\.(ya?ml|properties)")) {
                    Files.writeString(target, rewrite(Files.readString(source)));
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    /** Deletes the directory (the links, not what they point to) and gives its ports back. */
    @Override
    public void close() {
        HANDED_OUT.removeAll(ports.values());
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
