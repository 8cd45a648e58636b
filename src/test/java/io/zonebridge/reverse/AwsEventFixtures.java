package io.zonebridge.reverse;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the AWS event fixtures copied under src/test/resources/aws-events/. */
final class AwsEventFixtures {

    static final ObjectMapper JSON = new ObjectMapper();

    private AwsEventFixtures() {
    }

    static String read(String path) {
        try (InputStream in = AwsEventFixtures.class.getResourceAsStream("/aws-events/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
