package io.zonebridge.local;

/**
 * A rule target: an SQS queue ({@code arn:aws:sqs:REGION:ACCOUNT:NAME}) or an event bus
 * ({@code arn:aws:events:REGION:ACCOUNT:event-bus/NAME}); other ARNs are kept but not delivered to.
 *
 * @param id      target id
 * @param arn     target ARN
 * @param input   constant JSON sent instead of the event, or null
 * @param roleArn role for the target, or null (kept, not checked)
 */
public record EventTargetData(String id, String arn, String input, String roleArn) {
}
