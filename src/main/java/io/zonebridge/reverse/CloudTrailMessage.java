package io.zonebridge.reverse;

/**
 * What {@link CloudTrailEventParser} makes of an SQS message body: either a parsed
 * {@link Route53ChangeEvent} or a recognised event that is not one ({@link IgnoredMessage}).
 */
public sealed interface CloudTrailMessage permits Route53ChangeEvent, IgnoredMessage {
}
