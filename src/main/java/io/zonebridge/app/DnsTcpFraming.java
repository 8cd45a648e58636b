package io.zonebridge.app;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.LengthFieldPrepender;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.camel.component.netty.ChannelHandlerFactories;
import org.apache.camel.component.netty.DefaultChannelHandlerFactory;
import org.apache.camel.component.netty.ShareableChannelHandlerFactory;
import org.apache.camel.spi.Registry;

/**
 * The netty handlers of DNS over TCP (RFC 1035 4.2.2: every message preceded by its length in two bytes), bound
 * under the names that {@code routes/notify.camel.yaml} lists as {@code decoders} and {@code encoders}: a frame
 * decoder that cuts the stream into messages (a frame is at most 65535 bytes, so no frame is too long) and hands
 * each on as {@code byte[]}, an encoder that writes a {@code byte[]} with its length in front, and a handler that
 * closes a connection idle for longer than the idle timeout (RFC 7766 6.2.3), e.g. one whose length prefix
 * promised bytes that never come.
 */
final class DnsTcpFraming {

    /** The largest DNS message: what two length bytes can say. */
    static final int MAX_MESSAGE = 65535;

    private DnsTcpFraming() {
    }

    static void bind(Registry registry, Duration idleTimeout) {
        registry.bind("dnsTcpIdleClose", new IdleClose(idleTimeout));
        registry.bind("dnsTcpFrameDecoder",
                ChannelHandlerFactories.newLengthFieldBasedFrameDecoder(MAX_MESSAGE, 0, 2, 0, 2));
        registry.bind("dnsTcpMessageDecoder", ChannelHandlerFactories.newByteArrayDecoder("tcp"));
        registry.bind("dnsTcpLengthPrepender", new ShareableChannelHandlerFactory(new LengthFieldPrepender(2)));
        registry.bind("dnsTcpMessageEncoder", ChannelHandlerFactories.newByteArrayEncoder("tcp"));
    }

    /** A new handler per connection that closes it, quietly, after {@code idle} without reading or writing. */
    private static final class IdleClose extends DefaultChannelHandlerFactory {

        private final Duration idle;

        IdleClose(Duration idle) {
            this.idle = idle;
        }

        @Override
        public ChannelHandler newChannelHandler() {
            return new IdleStateHandler(0, 0, idle.toMillis(), TimeUnit.MILLISECONDS) {
                @Override
                protected void channelIdle(ChannelHandlerContext context, IdleStateEvent event) {
                    context.close();
                }
            };
        }
    }
}
