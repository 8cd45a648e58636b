package io.zonebridge.local;

/**
 * Identity of a record set in a hosted zone.
 *
 * @param name          canonical name
 * @param type          type mnemonic
 * @param setIdentifier routing set identifier or null
 */
public record RecordSetKey(String name, String type, String setIdentifier) {
}
