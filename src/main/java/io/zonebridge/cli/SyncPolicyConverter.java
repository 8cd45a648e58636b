package io.zonebridge.cli;

import io.zonebridge.plan.SyncPolicy;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code sync}, {@code upsert-only} and {@code create-only}. */
public final class SyncPolicyConverter implements ITypeConverter<SyncPolicy> {

    @Override
    public SyncPolicy convert(String value) {
        try {
            return SyncPolicy.fromLabel(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
