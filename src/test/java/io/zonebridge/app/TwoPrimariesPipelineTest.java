package io.zonebridge.app;

import org.junit.jupiter.api.extension.RegisterExtension;
import static io.zonebridge.app.Eventually.assertEqualsWithin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonebridge.model.RecordKey;
import io.zonebridge.model.RecordSet;
import io.zonebridge.secondary.BindPrimary;
import io.zonebridge.secondary.ScriptedPrimary;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.BeanInject;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * The service (real routes, beans and sync path) following a zone with two primaries, against the local Route 53.
 * The first primary's AXFR breaks off before its closing SOA (then EOF), carrying as many records as the zone with
 * 20 of them different; the second primary is a real BIND. Both when nothing is known (AXFR from BIND) and on an
 * update (the first primary's IXFR is unusable, its AXFR is cut, BIND answers by IXFR), the hosted zone must be
 * exactly BIND's zone: nothing of the cut transfer may reach Route 53. (The zone is large enough that taking the
 * cut transfer's 20 records would stay within the safety limit and be applied, as it was in issue #14.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@CamelMainTest(propertyPlaceholderLocations = "file:config/application.properties", properties = {
        "zonebridge.config=target/two-primaries-pipeline-test/zonebridge.yaml",
        "zonebridge.apply.debounceCheck=50", "zonebridge.refresh.tick=200",
        "zonebridge.apply.redeliveryDelay=50", "camel.management.enabled=false"})
class TwoPrimariesPipelineTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String ZONE = "two.test";
    private static final int HOSTS = 97;
    private static final int DIFFERENT = 20;

    @RegisterExtension
    static final SecondaryPeers peers = new SecondaryPeers("two-primaries-pipeline-test");

    private static BindPrimary bind;
    private static ScriptedPrimary cut;
    private static String id;

    @BeanInject
    ZoneStatusBoard board;

    @BeforeAll
    static void startPeers() throws Exception {
        bind = peers.startBind(BindPrimary.zones(ZONE, zoneText(1)), Map.of());
        cut = ScriptedPrimary.start(ScriptedPrimary.Script.serving(wrongZone(served())).cutBeforeClosingSoa());
        peers.createZones(ZONE);
        id = peers.id(ZONE);
        peers.writeConfig(null, "", "- { name: %s, primaries: [%s, %s], refresh: 1s, retry: 1s, hostedZone: { id: %s } }\n"
                .formatted(ZONE, cut.primary(), bind.primary(), id));
    }

    @AfterAll
    static void stopScriptedPrimary() throws Exception {
        if (cut != null) {
            cut.close();
        }
    }

    private static String zoneText(long serial) {
        StringBuilder text = new StringBuilder("$TTL 300\n@ IN SOA ns1.two.test. hostmaster.two.test. " + serial
                + " 3600 600 86400 60\n@ IN NS ns1.two.test.\nns1 IN A 192.0.2.1\n");
        for (int i = 0; i < HOSTS; i++) {
            text.append("h").append(i).append(" IN A 198.51.100.").append(i == HOSTS - 1 ? 200 + serial : i)
                    .append('\n'); // the last host moves with the serial: an update of one record set
        }
        return text.toString();
    }

    /** BIND's zone now, without the closing SOA. */
    private static List<Record> served() throws Exception {
        List<Record> axfr = bind.digAxfr(ZONE);
        return axfr.get(axfr.size() - 1).getType() == Type.SOA ? axfr.subList(0, axfr.size() - 1) : axfr;
    }

    /** {@code good} with the first {@value #DIFFERENT} hosts' addresses changed: as many records, 20 different. */
    private static List<Record> wrongZone(List<Record> good) throws Exception {
        return ScriptedPrimary.withHostsChanged(good, DIFFERENT);
    }

    private Map<RecordKey, RecordSet> primarysZone() {
        try {
            return LocalRoute53.expected(ZONE + ".", bind.digAxfr(ZONE));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Long appliedSerial() {
        return board.get("default/" + id).map(ZoneStatus::serial).orElse(null);
    }

    @Test
    void aTransferCutBeforeItsClosingSoaNeverReachesTheHostedZone() throws Exception {
        // nothing known: the cut AXFR, then BIND's AXFR
        assertEqualsWithin(WAIT, () -> 1L, this::appliedSerial, "serial 1 applied");
        assertEquals(primarysZone(), peers.route53().records(id), "the hosted zone is BIND's zone exactly");
        assertTrue(cut.axfrsServed() >= 1, "the first primary's cut AXFR was tried");

        // an update: the first primary's IXFR cannot be applied, its AXFR is cut; BIND answers by IXFR
        List<Record> first = served();
        int axfrsBefore = cut.axfrsServed();
        Record stray = Record.fromString(Name.fromString("stray.elsewhere.test."), Type.A, DClass.IN, 300,
                "192.0.2.99", Name.root);
        bind.rewriteZone(ZONE, zoneText(2));
        assertEqualsWithin(WAIT, () -> 2L, () -> {
            try {
                return bind.serial(ZONE);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "BIND serves serial 2");
        List<Record> good = served();
        assertEquals(first.size(), good.size(), "the zone keeps its size");
        cut.serve(ScriptedPrimary.Script.serving(wrongZone(good)).cutBeforeClosingSoa()
                .answeringIxfrWith(List.of(good.get(0), first.get(0), good.get(0), stray, good.get(0))));

        assertEqualsWithin(WAIT, () -> 2L, this::appliedSerial, "serial 2 applied");
        ZoneStatus status = board.get("default/" + id).orElseThrow();
        assertTrue(cut.axfrsServed() > axfrsBefore, "the first primary's cut AXFR was tried again");
        assertTrue(status.last().message().contains("IXFR difference(s) from " + bind.primary()),
                status.last().message());
        assertEquals(primarysZone(), peers.route53().records(id), "the hosted zone is BIND's zone exactly; "
                + status.last().message());
    }
}
