package io.zonebridge.local;

import java.util.Objects;

/** Identity of a record set in a hosted zone: canonical name, type, set identifier (or null). */
public final class RecordSetKey {
    private final String name;
    private final String type;
    private final String setIdentifier;
    private final String reversedName;

    /** The key of ({@code name}, {@code type}, {@code setIdentifier}); {@code name} is canonical. */
    public RecordSetKey(String name, String type, String setIdentifier) {
        this.name = name;
        this.type = type;
        this.setIdentifier = setIdentifier;
        this.reversedName = DomainName.parse(name).reversedKey();
    }

    public String name() {
        return name;
    }

    public String type() {
        return type;
    }

    public String setIdentifier() {
        return setIdentifier;
    }

    /** The name's labels reversed as one string, the first sort key of ListResourceRecordSets. */
    public String reversedName() {
        return reversedName;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecordSetKey other && name.equals(other.name) && type.equals(other.type)
                && Objects.equals(setIdentifier, other.setIdentifier);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, setIdentifier);
    }

    @Override
    public String toString() {
        return name + " " + type + (setIdentifier == null ? "" : " " + setIdentifier);
    }
}
