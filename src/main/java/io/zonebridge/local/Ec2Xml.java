package io.zonebridge.local;

import java.time.Instant;
import java.util.Map;

/** Pieces of EC2's XML answers shared by its operations: the document start, tag sets, instance states. */
final class Ec2Xml {
    /** EC2's namespace of API version 2016-11-15. */
    static final String NAMESPACE = "http://ec2.amazonaws.com/doc/2016-11-15/";

    private Ec2Xml() {
    }

    /** A new answer document {@code <ActionResponse>} with its request id. */
    static XmlWriter response(String action, String requestId) {
        return new XmlWriter(action + "Response", NAMESPACE).element("requestId", requestId);
    }

    /** Writes {@code <tagSet>} (always, empty when there are no tags). */
    static void tagSet(XmlWriter xml, Map<String, String> tags) {
        xml.start("tagSet");
        tags.forEach((key, value) -> xml.start("item").element("key", key).element("value", value).end());
        xml.end();
    }

    /** Writes {@code <name><code/><name/></name>} for an instance state. */
    static void state(XmlWriter xml, String element, Ec2InstanceState state) {
        xml.start(element).element("code", state.code()).element("name", state.wireName()).end();
    }

    /** EC2's timestamp format. */
    static String time(long millis) {
        return Instant.ofEpochMilli(millis).toString();
    }
}
