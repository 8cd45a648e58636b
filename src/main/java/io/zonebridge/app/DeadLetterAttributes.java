package io.zonebridge.app;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.Map;
import org.apache.camel.Header;
import org.apache.camel.Message;
import org.apache.camel.component.aws2.sqs.Sqs2Constants;
import org.apache.camel.component.aws2.sqs.Sqs2MessageHelper;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Used by the {@code intake-dead-letter} route: puts a received SQS message's attributes back as headers that the
 * aws2-sqs producer sends as the same attributes (Camel's own headers lose Binary attributes and send Number ones
 * as String). Type labels after the type ({@code String.x}) are not kept; names and values are.
 */
public final class DeadLetterAttributes {

    /** Sets one header per attribute of the received message (header {@code CamelAwsSqsMessageAttributes}). */
    public void restore(@Header(Sqs2Constants.MESSAGE_ATTRIBUTES) Map<String, MessageAttributeValue> attributes,
                        Message message) {
        if (attributes == null) {
            return;
        }
        attributes.forEach((name, attribute) -> message.setHeader(name, headerValue(attribute)));
    }

    /** The header value the producer turns back into {@code attribute}. */
    static Object headerValue(MessageAttributeValue attribute) {
        String type = attribute.dataType() == null ? "String" : attribute.dataType();
        if (type.startsWith("Binary")) {
            return attribute.binaryValue() == null ? null : ByteBuffer.wrap(attribute.binaryValue().asByteArray());
        }
        if (type.equals("Number")) {
            String text = attribute.stringValue();
            try {
                BigDecimal number = new BigDecimal(text);
                return number.toString().equals(text) ? number : text;
            } catch (NumberFormatException | NullPointerException e) {
                return text;
            }
        }
        return Sqs2MessageHelper.fromMessageAttributeValue(attribute);
    }
}
