/**
 * What the service does with input it cannot use (malformed packets, poison events): counted by reason and logged
 * within a bound, so junk on a port or a queue never floods the log. Imports nothing of Camel.
 */
package io.zonebridge.intake;
