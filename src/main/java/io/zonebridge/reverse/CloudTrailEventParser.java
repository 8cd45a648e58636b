package io.zonebridge.reverse;

import io.zonebridge.intake.EventEnvelope;
import io.zonebridge.intake.MalformedEventException;
import io.zonebridge.intake.RejectReason;
import io.zonebridge.model.AliasTarget;
import io.zonebridge.plan.ChangeAction;
import io.zonebridge.route53.HostedZoneRef;
import io.zonebridge.route53.RecordNameCodec;
import io.zonebridge.route53.RecordValueCodec;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads an SQS message body carrying a CloudTrail Route 53 call, as EventBridge delivers it
 * (the event JSON itself, or SNS-wrapped: see {@link EventEnvelope}).
 *
 * <p>Results: a {@link Route53ChangeEvent} for a successful {@code ChangeResourceRecordSets} call; an
 * {@link IgnoredMessage} for a failed one ({@code detail.errorCode} present: its parameters are not read, Route 53
 * changed nothing) and for any other well-formed EventBridge event or Route 53 call; a
 * {@link MalformedEventException} naming the field and the kind of problem for anything else (invalid names and
 * values, record types Route 53 does not have, missing or mistyped fields, no JSON).
 * Names are canonicalised with {@link RecordNameCodec#canonical(String)} (with or without trailing
 * dot); CloudTrail's {@code tTL} spelling is read (and {@code ttl}/{@code TTL} tolerated), as is
 * {@code aliasTarget.dNSName} (and {@code dnsName}/{@code DNSName}). Thread-safe.
 */
public final class CloudTrailEventParser {

    /** EventBridge {@code detail-type} of CloudTrail-delivered API calls. */
    public static final String CLOUDTRAIL_DETAIL_TYPE = "AWS API Call via CloudTrail";
    /** EventBridge {@code source} of Route 53 events. */
    public static final String ROUTE53_SOURCE = "aws.route53";
    /** The API call zonebridge reacts to. */
    public static final String CHANGE_RECORD_SETS = "ChangeResourceRecordSets";

    /** EventBridge {@code detail-type} of the events a schedule rule sends. */
    public static final String SCHEDULED_DETAIL_TYPE = "Scheduled Event";
    /** EventBridge {@code source} of scheduled events. */
    public static final String SCHEDULE_SOURCE = "aws.events";

    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    /**
     * Whether an SQS message body is an EventBridge scheduled event ({@code source} {@value #SCHEDULE_SOURCE},
     * {@code detail-type} {@value #SCHEDULED_DETAIL_TYPE}), as delivered or wrapped by SNS. Anything else,
     * malformed bodies included, is not (and goes the way of {@link #parse}). A body not naming that detail-type
     * at all is not read.
     */
    public boolean isScheduledEvent(String body) {
        if (body == null || !body.contains(SCHEDULED_DETAIL_TYPE)) {
            return false;
        }
        try {
            EventEnvelope envelope = EventEnvelope.read(body);
            return SCHEDULE_SOURCE.equals(envelope.text("source"))
                    && SCHEDULED_DETAIL_TYPE.equals(envelope.text("detail-type"));
        } catch (MalformedEventException e) {
            return false;
        }
    }

    /**
     * Parses one SQS message body (read by {@link EventEnvelope}'s rules).
     *
     * @throws MalformedEventException when the body is not JSON, or not a well-formed event
     */
    public CloudTrailMessage parse(String body) {
        return parse(EventEnvelope.read(body));
    }

    /**
     * Parses the event of one SQS message body.
     *
     * @throws MalformedEventException when it is not a well-formed event
     */
    public CloudTrailMessage parse(EventEnvelope envelope) {
        return parseEvent(EventNode.root(envelope.event(), envelope.where()));
    }

    private CloudTrailMessage parseEvent(EventNode event) {
        if (!event.node().isObject()) {
            throw event.fail("should be an object");
        }
        String detailType = event.text("detail-type");
        String source = event.text("source");
        String envelopeId = event.optionalText("id").orElse(null);
        if (!CLOUDTRAIL_DETAIL_TYPE.equals(detailType) || !ROUTE53_SOURCE.equals(source)) {
            return new IgnoredMessage(IgnoreReason.NOT_ROUTE53,
                    "detail-type \"" + detailType + "\" from " + source, envelopeId);
        }
        EventNode detail = event.object("detail");
        String eventName = detail.text("eventName");
        if (!CHANGE_RECORD_SETS.equals(eventName)) {
            return new IgnoredMessage(IgnoreReason.NOT_CHANGE_RECORD_SETS,
                    "Route 53 call " + eventName, envelopeId);
        }
        Optional<String> errorCode = detail.errorCode();
        if (errorCode.isPresent()) {
            // Route 53 refused the call and changed nothing: its parameters (often the very reason it was refused,
            // an invalid value or name) are never read
            return new IgnoredMessage(IgnoreReason.FAILED_CALL, "call failed with " + errorCode.get(),
                    detail.node().path("eventID").isTextual() ? detail.node().get("eventID").textValue() : envelopeId);
        }
        String account = event.text("account");
        if (!ACCOUNT_ID.matcher(account).matches()) {
            throw event.member("account").fail("is " + account + ", not a 12-digit AWS account id");
        }
        String region = event.optionalText("region").or(() -> detail.optionalText("awsRegion")).orElse(null);
        String eventId = detail.text("eventID");
        Instant time = instant(detail, event);
        CallerIdentity caller = caller(detail.object("userIdentity"));
        EventNode request = detail.object("requestParameters");
        String zoneId = HostedZoneRef.bareId(request.text("hostedZoneId"));
        EventNode batch = request.object("changeBatch");
        String comment = batch.optionalText("comment").orElse(null);
        List<RecordChange> changes = changes(batch.array("changes"));
        return new Route53ChangeEvent(account, region, eventId, time, zoneId, caller, null, comment, changes);
    }

    /** CloudTrail's {@code eventTime}, else EventBridge's {@code time}. */
    private static Instant instant(EventNode detail, EventNode event) {
        boolean fromDetail = detail.optionalText("eventTime").isPresent() || event.optionalText("time").isEmpty();
        EventNode holder = fromDetail ? detail : event;
        String field = fromDetail ? "eventTime" : "time";
        String text = holder.text(field);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw holder.member(field).fail("is not an ISO-8601 instant: " + text, e);
        }
    }

    private static CallerIdentity caller(EventNode identity) {
        String type = identity.optionalText("type").orElse(null);
        String arn = identity.optionalText("arn").orElse(null);
        String issuerArn = identity.optionalObject("sessionContext")
                .flatMap(ctx -> ctx.optionalObject("sessionIssuer"))
                .flatMap(issuer -> issuer.optionalText("arn"))
                .orElse(null);
        return new CallerIdentity(type, arn, issuerArn, CallerIdentity.sessionNameOf(arn));
    }

    private static List<RecordChange> changes(List<EventNode> nodes) {
        List<RecordChange> out = new ArrayList<>(nodes.size());
        for (EventNode change : nodes) {
            out.add(change(change));
        }
        return out;
    }

    private static RecordChange change(EventNode change) {
        String actionText = change.text("action");
        ChangeAction action;
        try {
            action = ChangeAction.valueOf(actionText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw change.member("action").fail("is \"" + actionText + "\", expected CREATE, UPSERT or DELETE", e);
        }
        EventNode set = change.object("resourceRecordSet");
        String name = name(set, "name");
        String type = set.text("type").trim().toUpperCase(Locale.ROOT);
        if (!RecordValueCodec.isSupported(type)) {
            throw set.member("type").fail("is " + type + ", not a Route 53 record type", RejectReason.UNKNOWN_TYPE,
                    null);
        }
        String setIdentifier = set.optionalText("setIdentifier").orElse(null);
        Long ttl = set.optionalLong("tTL", "ttl", "TTL").orElse(null);
        List<String> values = new ArrayList<>();
        for (EventNode record : set.optionalArray("resourceRecords")) {
            String value = record.text("value");
            try {
                values.add(RecordValueCodec.canonical(type, value));
            } catch (IllegalArgumentException e) {
                throw record.member("value").fail(": " + e.getMessage(),
                        RejectReason.INVALID_VALUE, e);
            }
        }
        AliasTarget alias = set.optionalObject("aliasTarget").map(CloudTrailEventParser::alias).orElse(null);
        if (alias == null && values.isEmpty()) {
            throw set.fail("has neither resourceRecords nor aliasTarget");
        }
        return new RecordChange(action, name, type, setIdentifier, ttl, values, alias);
    }

    /** The canonical form of a required name member. */
    private static String name(EventNode holder, String field) {
        return canonicalName(holder.member(field), holder.text(field));
    }

    private static String canonicalName(EventNode member, String name) {
        try {
            return RecordNameCodec.canonical(name);
        } catch (IllegalArgumentException e) {
            throw member.fail(": " + e.getMessage(), RejectReason.INVALID_NAME, e);
        }
    }

    private static AliasTarget alias(EventNode target) {
        String dnsName = target.textOf("dNSName", "dnsName", "DNSName");
        return new AliasTarget(HostedZoneRef.bareId(target.text("hostedZoneId")),
                canonicalName(target.memberOf("dNSName", "dnsName", "DNSName"), dnsName),
                target.optionalBoolean("evaluateTargetHealth").orElse(false));
    }
}
