/**
 * Event intake shared by the jobs reading queues and ports: the envelope of a queued event
 * ({@link io.zonebridge.intake.EventEnvelope}), what becomes of a message ({@link io.zonebridge.intake.MessageIntake},
 * {@link io.zonebridge.intake.IntakeDecision}), work with the receipt handles of its messages and its merger
 * ({@link io.zonebridge.intake.PendingWork}), deleting handled messages in batches
 * ({@link io.zonebridge.intake.QueueMessageDeleter}), and what the service does with input it cannot use (malformed
 * packets, poison events): counted by reason and logged within a bound, so junk on a port or a queue never floods the
 * log. Imports nothing of Camel.
 */
package io.zonebridge.intake;
