package io.zonebridge.app.ec2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.zonebridge.ec2.Ec2Work;
import io.zonebridge.ec2.InstanceState;
import io.zonebridge.ec2.InstanceStateEvent;
import io.zonebridge.ec2.InstanceTagsEvent;
import io.zonebridge.intake.PendingWork;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** EC2 work merges per account and region and travels as a serialised value. */
class PendingEc2WorkTest {

    private static final Instant T = Instant.parse("2024-05-14T12:58:57Z");

    @Test
    void mergesEventsAndHandlesOfOneScopeAndSurvivesSerialisation() throws Exception {
        PendingWork<Ec2Work> a = PendingWork.of(Ec2Work.of(new InstanceStateEvent("123456789012", "us-east-1",
                "i-0abc1234def567890", InstanceState.RUNNING, T, "e1")), "h1");
        PendingWork<Ec2Work> b = PendingWork.of(Ec2Work.of(new InstanceTagsEvent("123456789012", "us-east-1",
                List.of("i-0abc1234def567890"), Map.of("ZONE", "internal.example."), T.plusSeconds(5), "e2")), "h2");
        PendingWork<Ec2Work> c = PendingWork.of(Ec2Work.of(new InstanceStateEvent("123456789012", "us-east-1",
                "i-0abc1234def567890", InstanceState.STOPPED, T.plusSeconds(9), "e3")), "h3");
        PendingWork<Ec2Work> merged = PendingWork.merge(List.of(a, b, c));
        assertEquals("123456789012/us-east-1", merged.key());
        assertEquals("123456789012", merged.work().account());
        assertEquals(List.of("h1", "h2", "h3"), merged.receiptHandles());
        assertEquals(List.of(a.work().events().get(0), b.work().events().get(0), c.work().events().get(0)),
                merged.work().events());
        assertEquals(a.merge(b).merge(c), merged, "merging all at once is merging one by one");

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(merged);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(merged, in.readObject());
        }
    }

    @Test
    void workOfAnotherScopeIsNotMerged() {
        PendingWork<Ec2Work> east = PendingWork.of(Ec2Work.of(new InstanceStateEvent("123456789012", "us-east-1",
                "i-0abc1234def567890", InstanceState.RUNNING, T, "e1")), "h1");
        PendingWork<Ec2Work> west = PendingWork.of(Ec2Work.of(new InstanceStateEvent("123456789012", "us-west-2",
                "i-0abc1234def567891", InstanceState.RUNNING, T, "e2")), "h2");
        assertThrows(IllegalArgumentException.class, () -> east.merge(west));
    }
}
