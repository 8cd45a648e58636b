package io.zonebridge.secondary;

import java.util.Objects;
import java.util.Optional;

/**
 * A {@link TransferResult} with the {@link FullZoneObserver} of the AXFR attempt that gave its zone.
 *
 * @param result the transfer's outcome
 * @param observer the observer that saw exactly the records of {@link TransferResult#records()}, present only
 *     when the zone came from an AXFR this client read (not for IXFR, a full zone answered to an IXFR request,
 *     UP_TO_DATE or FAILED)
 * @param <O> the observer's type
 */
public record ObservedTransfer<O extends FullZoneObserver>(TransferResult result, Optional<O> observer) {

    public ObservedTransfer {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(observer, "observer");
    }

    static <O extends FullZoneObserver> ObservedTransfer<O> unobserved(TransferResult result) {
        return new ObservedTransfer<>(result, Optional.empty());
    }
}
