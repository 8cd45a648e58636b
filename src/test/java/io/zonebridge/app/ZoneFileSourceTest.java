package io.zonebridge.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** A zone file edited without raising its serial is not applied, and says so once per serial. */
class ZoneFileSourceTest {

    private static final String ZONE = """
            $ORIGIN example.internal.
            $TTL 300
            @ IN SOA ns1 hostmaster 2026112301 3600 600 1209600 300
              IN NS ns1
            ns1 IN A 10.0.0.53
            www IN A 10.0.1.25
            """;

    @TempDir
    Path dir;

    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(ZoneFileSource.class);

    @BeforeEach
    void capture() {
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void release() {
        logger.detachAppender(lines);
    }

    @Test
    void anEditWithTheSameSerialIsAWarningOncePerSerial() throws Exception {
        Path file = dir.resolve("example.internal.zone");
        Files.writeString(file, ZONE);
        ZoneFileSource source = new ZoneFileSource(file, "example.internal.");
        DesiredState first = source.fetch(false);
        assertEquals(DesiredState.Kind.CHANGED, first.kind());
        source.applied(first);
        assertEquals(DesiredState.Kind.UNCHANGED, source.fetch(false).kind());
        assertTrue(warnings().isEmpty(), "an unchanged file is no warning: " + warnings());

        Files.writeString(file, ZONE.replace("10.0.1.25", "10.0.1.99"));
        assertEquals(DesiredState.Kind.UNCHANGED, source.fetch(false).kind());
        assertEquals(DesiredState.Kind.UNCHANGED, source.fetch(false).kind());
        assertEquals(1, warnings().size(), warnings().toString());
        assertTrue(warnings().get(0).contains("serial 2026112301 is not newer"), warnings().get(0));

        Files.writeString(file, ZONE.replace("10.0.1.25", "10.0.1.99").replace("2026112301", "2026112302"));
        assertEquals(DesiredState.Kind.CHANGED, source.fetch(false).kind());
        assertEquals(1, warnings().size(), "a raised serial is applied, not warned about");
    }

    private List<String> warnings() {
        return lines.list.stream().filter(e -> e.getLevel().toString().equals("WARN"))
                .map(ILoggingEvent::getFormattedMessage).toList();
    }
}
