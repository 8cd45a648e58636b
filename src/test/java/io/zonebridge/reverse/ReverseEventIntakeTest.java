package io.zonebridge.reverse;

import io.zonebridge.intake.MalformedEventException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.zonebridge.reverse.AwsEventFixtures.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReverseEventIntakeTest {

    @Test
    void bodiesBecomeWorkOrCountedIgnores() {
        ReverseEventIntake intake = new ReverseEventIntake(
                new OwnChangeRules(List.of(), Set.of("r53-automation"), "zonebridge:"));
        ReverseWork expected = new ReverseWork("123456789012", "Z0EXAMPLEPRIVFWD00001",
                List.of("web.internal.example.com."), List.of("10.0.1.25", "10.0.1.26"));
        assertEquals(Optional.of(expected), intake.workFor(read("sqs/body_eventbridge_direct_r53_a_create.json")));
        assertEquals(Optional.of(expected), intake.workFor(read("sqs/body_sns_wrapped_r53_a_create.json")));
        assertEquals(Optional.empty(), intake.workFor(read("route53/r53_self_echo_ptr_reverse_zone.json")));
        assertEquals(Optional.empty(), intake.workFor(read("route53/r53_failed_invalid_change_batch.json")));
        assertEquals(Optional.empty(), intake.workFor(read("events/scheduled_event.json")));
        assertTrue(intake.decide(read("events/scheduled_event.json")).triggered(), "a scheduled event: a reconcile");
        assertEquals(Optional.empty(), intake.workFor(read("ec2/ec2_state_running.json")));
        assertEquals(1, intake.counts().count(IgnoreReason.OWN_CHANGE));
        assertEquals(1, intake.counts().count(IgnoreReason.FAILED_CALL));
        assertEquals(1, intake.counts().count(IgnoreReason.NOT_ROUTE53));
        assertThrows(MalformedEventException.class, () -> intake.workFor("{\"detail-type\":"));
    }
}
