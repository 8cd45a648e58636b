package io.zonebridge.app;

import io.netty.handler.codec.LengthFieldPrepender;
import org.apache.camel.component.netty.ChannelHandlerFactories;
import org.apache.camel.component.netty.ShareableChannelHandlerFactory;
import org.apache.camel.spi.Registry;

/**
 * The netty handlers of DNS over TCP (RFC 1035 4.2.2: every message preceded by its length in two bytes), bound
 * under the names that {@code routes/notify.camel.yaml} lists as {@code decoders} and {@code encoders}: a frame
 * decoder that cuts the stream into messages (a frame is at most 65535 bytes, so no frame is too long) and hands
 * each on as {@code byte[]}, and an encoder that writes a {@code byte[]} with its length in front.
 */
final class DnsTcpFraming {

    /** The largest DNS message: what two length bytes can say. */
    static final int MAX_MESSAGE = 65535;

    private DnsTcpFraming() {
    }

    static void bind(Registry registry) {
        registry.bind("dnsTcpFrameDecoder",
                ChannelHandlerFactories.newLengthFieldBasedFrameDecoder(MAX_MESSAGE, 0, 2, 0, 2));
        registry.bind("dnsTcpMessageDecoder", ChannelHandlerFactories.newByteArrayDecoder("tcp"));
        registry.bind("dnsTcpLengthPrepender", new ShareableChannelHandlerFactory(new LengthFieldPrepender(2)));
        registry.bind("dnsTcpMessageEncoder", ChannelHandlerFactories.newByteArrayEncoder("tcp"));
    }
}
