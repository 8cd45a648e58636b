package io.zonebridge.cli;

import picocli.CommandLine.Option;

import java.net.URI;

/** {@code --endpoint}: where AWS requests go instead of AWS itself (a mixin of every command that calls AWS). */
public final class EndpointOption {

    @Option(names = "--endpoint", paramLabel = "URL", defaultValue = "${env:ZONEBRIDGE_ENDPOINT}",
            description = "AWS endpoint to use instead of AWS, e.g. http://127.0.0.1:4566 for `zonebridge local` "
                    + "(default: env ZONEBRIDGE_ENDPOINT, else AWS).")
    URI endpoint;

    /** The endpoint asked for, or null for AWS's own. */
    URI uri() {
        return endpoint;
    }
}
