package io.zonebridge.reverse;

import io.zonebridge.route53.RecordNameCodec;

import java.util.Objects;

/**
 * A reverse hosted zone zonebridge may write PTRs into.
 *
 * @param name        zone name, canonical ({@code 1.0.10.in-addr.arpa.}, {@code 0\05725.1.0.10.in-addr.arpa.})
 * @param id          bare hosted zone id
 * @param privateZone whether the hosted zone is private
 * @param account     the account owning the hosted zone
 */
public record ReverseZone(String name, String id, boolean privateZone, String account) {
    public ReverseZone {
        name = RecordNameCodec.canonical(Objects.requireNonNull(name, "name"));
        Objects.requireNonNull(id, "id");
    }
}
