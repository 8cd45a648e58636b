package io.zonebridge.cli;

import io.zonebridge.plan.SyncPolicy;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.util.Locale;

/** Parses {@code sync}, {@code upsert-only} and {@code create-only}. */
public final class SyncPolicyConverter implements ITypeConverter<SyncPolicy> {

    @Override
    public SyncPolicy convert(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "sync" -> SyncPolicy.SYNC;
            case "upsert-only" -> SyncPolicy.UPSERT_ONLY;
            case "create-only" -> SyncPolicy.CREATE_ONLY;
            default -> throw new TypeConversionException("unknown policy '" + value + "' (use sync, upsert-only or create-only)");
        };
    }
}
