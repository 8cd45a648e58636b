package io.zonebridge.doctor;

/**
 * One check of an outbound endpoint's path to a forwarding target.
 *
 * @param check  what was checked, e.g. {@code security group egress udp/53 to 192.0.2.10}
 * @param ok     whether it passes
 * @param detail what was found (the rule or route that decides)
 * @param fix    what to change when it fails, else empty
 */
public record EndpointCheck(String check, boolean ok, String detail, String fix) {
}
