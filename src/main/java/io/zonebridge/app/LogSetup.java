package io.zonebridge.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;

/**
 * zonebridge's logging, set up when logback starts (a {@link Configurator} found through {@code META-INF/services}):
 * every line on standard error (standard output stays the CLI's), plain text, or with
 * {@value #FORMAT}{@code =json} one JSON object a line (CloudWatch Logs); the root level from {@value #LEVEL}
 * (else {@code org.slf4j.simpleLogger.defaultLogLevel}, else INFO); the AWS SDK, Netty and Camel's own start-up
 * detail (bind lines, aggregator defaults, the management URL with its wildcard host: zonebridge logs what matters
 * itself, with the real addresses) at WARN. Each setting is a system property or an environment variable. Set up in
 * code, not from a {@code logback.xml}: reading that file (an XML parser, logback's configuration model) was a
 * twentieth of the service's start-up. A {@code logback-test.xml} on the class path or
 * {@code -Dlogback.configurationFile} still configures logback instead.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class LogSetup extends ContextAwareBase implements Configurator {

    /** The setting naming the format: {@code plain} (default) or {@code json}. */
    public static final String FORMAT = "ZONEBRIDGE_LOG_FORMAT";
    /** The setting naming the root level (default INFO). */
    public static final String LEVEL = "ZONEBRIDGE_LOG_LEVEL";

    private static final String PLAIN_PATTERN =
            "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX,UTC} %-5level [%thread] %logger{36} - %msg%n";
    private static final List<String> QUIET = List.of("software.amazon.awssdk", "io.netty",
            "org.apache.camel.component.netty", "org.apache.camel.processor.aggregate",
            "org.apache.camel.component.platform.http", "org.apache.camel.component.micrometer.prometheus",
            "org.apache.camel.main.BaseMainSupport");

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null
                || LogSetup.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        context.getStatusManager().add(new NopStatusListener());
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName("stderr");
        appender.setTarget("System.err");
        appender.setEncoder("json".equals(setting(FORMAT).orElse("plain")) ? json(context) : plain(context));
        appender.start();
        QUIET.forEach(name -> context.getLogger(name).setLevel(Level.WARN));
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(setting(LEVEL).or(() -> setting("org.slf4j.simpleLogger.defaultLogLevel"))
                .orElse("INFO")));
        root.addAppender(appender);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    private static Encoder<ILoggingEvent> plain(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PLAIN_PATTERN);
        encoder.start();
        return encoder;
    }

    private static Encoder<ILoggingEvent> json(LoggerContext context) {
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(context);
        encoder.setWithSequenceNumber(false);
        encoder.setWithNanoseconds(false);
        encoder.setWithContext(false);
        encoder.setWithArguments(false);
        encoder.setWithFormattedMessage(true);
        encoder.setWithMessage(false);
        encoder.start();
        return encoder;
    }

    /** A system property, else the environment variable of that name; blank is unset. */
    private static Optional<String> setting(String name) {
        return Optional.ofNullable(System.getProperty(name)).or(() -> Optional.ofNullable(System.getenv(name)))
                .map(String::trim).filter(value -> !value.isEmpty());
    }
}
