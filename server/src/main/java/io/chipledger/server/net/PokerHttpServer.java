package io.chipledger.server.net;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/**
 * A listening socket: HTTP (health, static web client, JSON endpoints) and the WebSocket endpoint, in a single Netty
 * pipeline, optionally over TLS; or the operators' listener of its own. Uses epoll where the native transport loads,
 * NIO otherwise.
 */
public final class PokerHttpServer implements AutoCloseable {

    /** How long a closing event loop waits for tasks to stop arriving, and at most for its shutdown (see close). */
    private static final long SHUTDOWN_QUIET_MILLIS = 100;
    private static final long SHUTDOWN_TIMEOUT_MILLIS = 10_000;

    private final EventLoopGroup bossGroup;
    private final EventLoopGroup workerGroup;
    private final Channel channel;

    private PokerHttpServer(EventLoopGroup bossGroup, EventLoopGroup workerGroup, Channel channel) {
        this.bossGroup = bossGroup;
        this.workerGroup = workerGroup;
        this.channel = channel;
    }

    /** Binds {@code host:port} (port 0 picks a free one) and returns once the socket is listening. */
    public static PokerHttpServer start(String host, int port, HttpRoutes routes, ClientGateway gateway, NetConfig config)
            throws InterruptedException {
        return start(host, port, routes, gateway, config, FrameTimings.NONE);
    }

    /** As above, reporting how long its frames took to decode, encode and write to {@code timings}. */
    public static PokerHttpServer start(String host, int port, HttpRoutes routes, ClientGateway gateway, NetConfig config,
                                        FrameTimings timings) throws InterruptedException {
        EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, ioHandlers());
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(ioHandlers());
        return bind(host, port, routes, gateway, config, timings, boss, workers);
    }

    /**
     * A listener for operators ({@code /health}, {@code /metrics}) on one event loop of its own, which accepts and
     * serves alike. Probes then answer while the players' event loops are busy, for instance refusing a flood of
     * hostile frames; on the main port a probe waits its turn behind them. There is no game here.
     */
    public static PokerHttpServer startManagement(String host, int port, HttpRoutes routes) throws InterruptedException {
        EventLoopGroup one = new MultiThreadIoEventLoopGroup(1, ioHandlers());
        return bind(host, port, routes, ClientGateway.NO_GAME, NetConfig.defaults(), FrameTimings.NONE, one, one);
    }

    private static io.netty.channel.IoHandlerFactory ioHandlers() {
        return Epoll.isAvailable() ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    }

    private static PokerHttpServer bind(String host, int port, HttpRoutes routes, ClientGateway gateway, NetConfig config,
                                        FrameTimings timings, EventLoopGroup boss, EventLoopGroup workers)
            throws InterruptedException {
        SslContext ssl = config.tls() ? tls(config) : null;
        Class<? extends ServerSocketChannel> channelType = Epoll.isAvailable() ? EpollServerSocketChannel.class
                : NioServerSocketChannel.class;
        PokerChannelInitializer initializer = new PokerChannelInitializer(routes, gateway, config, ssl, timings);
        try {
            Channel channel = new ServerBootstrap()
                    .group(boss, workers)
                    .channel(channelType)
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(64 * 1024, 256 * 1024))
                    .handler(new AcceptCeiling(initializer.gate().acceptCeiling()))
                    .childHandler(initializer)
                    .bind(host, port).sync().channel();
            return new PokerHttpServer(boss, workers, channel);
        } catch (Exception e) { // bind failures arrive as an undeclared IOException (Netty rethrows it as it is)
            shutDown(boss); // no channel was opened: nothing to wait for, so not the default two-second quiet period
            shutDown(workers);
            if (e instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            if (e instanceof java.io.IOException) {
                throw new CannotListenException(host, port, e);
            }
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
    }

    /** The address could not be bound: in use by another process, not this machine's, or not allowed. */
    public static final class CannotListenException extends RuntimeException {
        CannotListenException(String host, int port, Exception cause) {
            super("cannot listen on " + host + ":" + port + ": " + reason(cause), cause);
        }

        private static String reason(Exception cause) {
            String message = String.valueOf(cause.getMessage());
            if (message.contains("Address already in use")) {
                return "the address is in use (another server on that port?)";
            }
            return message;
        }
    }

    private static SslContext tls(NetConfig config) {
        try {
            return SslContextBuilder.forServer(config.tlsCertificate().toFile(), config.tlsPrivateKey().toFile()).build();
        } catch (SSLException e) {
            throw new IllegalArgumentException("cannot use the TLS certificate " + config.tlsCertificate() + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    /** The event loops that serve connections (for their figures: tasks pending). */
    public Iterable<EventExecutor> eventLoops() {
        return workerGroup;
    }

    /** Completes when the listening socket closes. */
    public void awaitClose() throws InterruptedException {
        channel.closeFuture().sync();
    }

    /**
     * Stops listening, then both groups at once. An event loop closes its channels as soon as its shutdown begins; what
     * the quiet period then waits for is tasks still arriving, and after the listener and the connections are closed
     * none of ours will. Netty's default of two seconds, one group after the other, made every stop four seconds longer
     * for nothing (a server's SIGTERM, and each of the test suite's servers).
     */
    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        Future<?> bossDown = shutDown(bossGroup);
        Future<?> workersDown = workerGroup == bossGroup ? bossDown : shutDown(workerGroup);
        bossDown.syncUninterruptibly();
        workersDown.syncUninterruptibly();
    }

    private static Future<?> shutDown(EventLoopGroup group) {
        return group.shutdownGracefully(SHUTDOWN_QUIET_MILLIS, SHUTDOWN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    }
}
