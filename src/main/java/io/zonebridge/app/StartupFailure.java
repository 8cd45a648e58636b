package io.zonebridge.app;

import io.zonebridge.app.config.ConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.FailedToCreateRouteException;
import org.apache.camel.NamedNode;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;

/**
 * One line saying why the service did not start, naming what to fix: the configuration file (or environment
 * variable) and key, or the route file and line. Route lines come from Camel's source locations
 * ({@code camel.main.sourceLocationEnabled}); a YAML syntax error already carries its file, line and column.
 */
public final class StartupFailure {

    private StartupFailure() {
    }

    /** The bad setting behind {@code failure}, if that is what stopped start-up. */
    public static Optional<ConfigException> configProblem(Throwable failure) {
        return find(failure, ConfigException.class);
    }

    /** Why {@code failure} stopped start-up; {@code context} (may be null) holds the route definitions. */
    public static String describe(Throwable failure, CamelContext context) {
        Optional<ConfigException> config = find(failure, ConfigException.class);
        if (config.isPresent()) {
            return config.get().getMessage();
        }
        Optional<FailedToCreateRouteException> route = find(failure, FailedToCreateRouteException.class);
        if (route.isPresent()) {
            return routeFailure(route.get(), context);
        }
        return chain(failure);
    }

    private static String routeFailure(FailedToCreateRouteException failure, CamelContext context) {
        String because = chain(failure.getCause() == null ? failure : failure.getCause());
        if (!(context instanceof ModelCamelContext model) || model.getRouteDefinition(failure.getRouteId()) == null) {
            return chain(failure);
        }
        RouteDefinition route = model.getRouteDefinition(failure.getRouteId());
        NamedNode node = failingNode(route, failure.getMessage()).orElse(route);
        String file = Optional.ofNullable(node.getLocation()).or(() -> Optional.ofNullable(route.getLocation()))
                .orElse("(unknown file)");
        int line = node.getLineNumber() > 0 ? node.getLineNumber() : route.getLineNumber();
        return file + (line > 0 ? ":" + line : "") + ": route " + failure.getRouteId() + ": " + because;
    }

    /** The step Camel names in {@code message} ({@code at: >>> Bean[ref:x] <<<}), if any. */
    private static Optional<NamedNode> failingNode(RouteDefinition route, String message) {
        int start = message.indexOf(">>> ");
        int end = message.indexOf(" <<<");
        if (start < 0 || end < start) {
            return Optional.empty();
        }
        String label = message.substring(start + 4, end);
        List<ProcessorDefinition<?>> pending = new ArrayList<>(route.getOutputs());
        while (!pending.isEmpty()) {
            ProcessorDefinition<?> node = pending.remove(0);
            if (label.equals(node.toString())) {
                return Optional.of(node);
            }
            pending.addAll(node.getOutputs());
        }
        return Optional.empty();
    }

    /** The messages of the cause chain, each once, on one line. */
    private static String chain(Throwable failure) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = failure; t != null && messages.size() < 6; t = t.getCause()) {
            String message = (t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage())
                    .replaceAll("\\s*\\n\\s*", " ").trim();
            if (messages.stream().noneMatch(m -> m.contains(message))) {
                messages.add(message);
            }
        }
        return String.join(": ", messages);
    }

    private static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }
}
