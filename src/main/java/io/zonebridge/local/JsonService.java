package io.zonebridge.local;

import com.fasterxml.jackson.databind.JsonNode;

/** One AWS JSON 1.1 service: its {@code X-Amz-Target} prefix and its operations. */
public interface JsonService {

    /** The target prefix including the dot, e.g. {@code AWSEvents.}. */
    String targetPrefix();

    /**
     * Runs {@code operation} (the target without its prefix) for {@code caller}; AWS errors are thrown as
     * {@link ServiceException} whose code becomes the {@code __type}.
     */
    JsonNode call(String operation, Caller caller, JsonNode request);
}
