package io.zonebridge.local;

/** Finds a hosted zone of an account by the id a client sent, with Route 53's errors for bad or unknown ids. */
public final class ZoneLookup {
    static final int MAX_ID_LENGTH = 32;

    private ZoneLookup() {
    }

    /** The zone with id {@code id} (as received) in {@code account}. */
    public static HostedZoneData find(AccountState account, String id) {
        checkIdLength(id);
        HostedZoneData zone = account.zones().get(id);
        if (zone == null) {
            throw ServiceException.noSuchHostedZone(id);
        }
        return zone;
    }

    /** Route 53's length constraint on path ids. */
    public static void checkIdLength(String id) {
        if (id.length() > MAX_ID_LENGTH) {
            throw ServiceException.invalidInput("1 validation error detected: Value '" + id
                    + "' at 'id' failed to satisfy constraint: Member must have length less than or equal to "
                    + MAX_ID_LENGTH);
        }
    }
}
