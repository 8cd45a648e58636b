package io.zonebridge.doctor;

/**
 * One thing that keeps the lookup from answering as it should, and what to change.
 *
 * @param problem what is wrong and its likely effect
 * @param fix     what to change (a command where one applies)
 */
public record Finding(String problem, String fix) {
}
