package io.chipledger.server.bot;

import com.fasterxml.jackson.databind.JsonNode;
import io.chipledger.money.Money;
import io.chipledger.protocol.ClientMessage;
import io.chipledger.protocol.ProtocolJson;
import io.chipledger.protocol.ServerMessage;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import javax.net.ssl.SSLException;

/**
 * A player's side of the protocol over a real WebSocket: register or log in over HTTP, say hello, send requests, and
 * read what the server sends. Used by the bots and by tests that play as browsers would.
 *
 * <p>Every client's socket is read by one Netty event loop shared by all clients of the process, which also hands each
 * message to its listener: the bots' load generator must cost little beside the server it measures (issue 23). The
 * JDK's WebSocket client did the same work with a selector thread per client and a hop to its worker pool for every
 * frame: 57 % of the bots' CPU in a 200-table zero-think profile, against 30 % for reading the JSON.
 */
public final class PokerClient implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    /** Large enough for any message the server sends (a long hand history page); the server caps what it reads. */
    private static final int MAX_FRAME_BYTES = 64 * 1024 * 1024;
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    /** RFC 6455's code for a close frame that carried no status. */
    private static final int NO_STATUS_RECEIVED = 1005;
    private static final EventLoopGroup SOCKETS = new MultiThreadIoEventLoopGroup(1,
            new DefaultThreadFactory("poker-client", true),
            Epoll.isAvailable() ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());

    private final BlockingQueue<String> inbox = new LinkedBlockingQueue<>();
    private final AtomicLong requests = new AtomicLong();
    private final CompletableFuture<Void> handshake = new CompletableFuture<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final String idPrefix;
    private Channel channel;
    /** Set when this side closed: the socket's end is then no news to anyone waiting on {@link #whenClosed}. */
    private volatile boolean closing;

    private PokerClient(String idPrefix) {
        this.idPrefix = idPrefix;
    }

    /** Registers (or, when the name is taken, logs in) and returns the session token. */
    public static String token(String httpBase, String name, String password) throws IOException, InterruptedException {
        String body = ProtocolJson.write(Map.of("name", name, "password", password));
        HttpResponse<String> response = post(httpBase + "/api/register", body);
        if (response.statusCode() == 409) {
            response = post(httpBase + "/api/login", body);
        }
        if (response.statusCode() / 100 != 2) {
            throw new IOException("could not log in as " + name + ": " + response.statusCode() + " " + response.body());
        }
        JsonNode json = ProtocolJson.mapper().readTree(response.body());
        return json.get("token").asText();
    }

    public static HttpResponse<String> post(String url, String json) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Opens the WebSocket without saying hello. A refused upgrade or a failed connection throws a
     * {@link CompletionException} whose cause says why.
     */
    public static PokerClient open(String wsUrl, String idPrefix) {
        for (EventExecutor loop : SOCKETS) {
            if (loop.inEventLoop()) { // the handshake would be read by the thread waiting for it
                throw new IllegalStateException("a client opens from another thread than the clients' event loop");
            }
        }
        PokerClient client = new PokerClient(idPrefix);
        URI uri = URI.create(wsUrl);
        boolean secure = "wss".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() > 0 ? uri.getPort() : secure ? 443 : 80;
        SslContext tls = secure ? clientTls() : null;
        WebSocketClientProtocolConfig upgrade = WebSocketClientProtocolConfig.newBuilder()
                .webSocketUri(uri)
                .allowExtensions(false)
                .maxFramePayloadLength(MAX_FRAME_BYTES)
                .handleCloseFrames(false) // read here, for the status and the reason
                .generateOriginHeader(false) // as a non-browser client: the server checks the Origin of browsers
                .handshakeTimeoutMillis(CONNECT_TIMEOUT_MILLIS)
                .build();
        Bootstrap bootstrap = new Bootstrap()
                .group(SOCKETS)
                .channel(Epoll.isAvailable() ? EpollSocketChannel.class : NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MILLIS)
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (tls != null) {
                            ch.pipeline().addLast(tls.newHandler(ch.alloc(), uri.getHost(), port));
                        }
                        ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(64 * 1024),
                                new WebSocketClientProtocolHandler(upgrade), new WebSocketFrameAggregator(MAX_FRAME_BYTES),
                                client.new Frames());
                    }
                });
        client.channel = bootstrap.connect(uri.getHost(), port).addListener((ChannelFutureListener) connected -> {
            if (!connected.isSuccess()) {
                client.handshake.completeExceptionally(connected.cause());
            }
        }).channel();
        client.handshake.join();
        return client;
    }

    /** The JDK's trusted certificates, as the JDK's own client used. */
    private static SslContext clientTls() {
        try {
            return SslContextBuilder.forClient().build();
        } catch (SSLException e) {
            throw new IllegalStateException("no TLS for the client: " + e.getMessage(), e);
        }
    }

    /** Opens the WebSocket and completes the hello; returns the welcome. */
    public static PokerClient connect(String wsUrl, String token, String idPrefix) throws InterruptedException {
        PokerClient client = open(wsUrl, idPrefix);
        String id = client.send(requestId -> new ClientMessage.Hello(requestId, ProtocolJson.PROTOCOL_VERSION, token));
        ServerMessage reply = client.await(m -> m instanceof ServerMessage.Welcome || m instanceof ServerMessage.Error, Duration.ofSeconds(30));
        if (!(reply instanceof ServerMessage.Welcome)) {
            client.close();
            throw new IllegalStateException("hello " + id + " refused: " + reply);
        }
        client.welcome = (ServerMessage.Welcome) reply;
        return client;
    }

    private ServerMessage.Welcome welcome;
    private volatile Money lastWallet;

    /** The wallet balance as the server last told it (welcome or wallet message read so far). */
    public Money lastWallet() {
        return lastWallet;
    }

    public ServerMessage.Welcome welcome() {
        return welcome;
    }

    /** Sends a request built with a fresh requestId; returns that id. */
    public String send(java.util.function.Function<String, ClientMessage> request) {
        String requestId = nextRequestId();
        sendRaw(ProtocolJson.write(request.apply(requestId)));
        return requestId;
    }

    /** A requestId this client has not used yet. */
    public String nextRequestId() {
        return idPrefix + "-" + requests.incrementAndGet();
    }

    /** Sends a message exactly as given (a resend keeps its requestId). */
    public void send(ClientMessage message) {
        sendRaw(ProtocolJson.write(message));
    }

    /**
     * Sends a WebSocket ping every {@code every} until the socket closes, as the web client pings: the server closes a
     * connection that sends nothing for its idle time, and a seated bot may wait longer than that for its turn (while
     * thousands of others sit down, say). A control frame, so no pong message reaches the inbox.
     */
    public void keepAlive(Duration every) {
        ScheduledFuture<?> pings = channel.eventLoop().scheduleAtFixedRate(() -> {
            if (!closing && channel.isActive()) {
                channel.writeAndFlush(new PingWebSocketFrame());
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        channel.closeFuture().addListener(done -> pings.cancel(false));
    }

    /**
     * Sends any text, valid or not: tests use it for hostile frames. Frames go out in the order sent; on a closed
     * socket this throws a {@link CompletionException}, as the JDK's client did.
     */
    public void sendRaw(String text) {
        if (closing || !channel.isActive()) {
            throw new CompletionException(new ClosedChannelException());
        }
        channel.writeAndFlush(new TextWebSocketFrame(text));
    }

    /** The next message, or null when none arrives in time. */
    public ServerMessage next(Duration timeout) throws InterruptedException {
        String text = inbox.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        ServerMessage message = text == null ? null : ProtocolJson.readServerMessage(text);
        if (message instanceof ServerMessage.Wallet wallet) {
            lastWallet = wallet.balance();
        } else if (message instanceof ServerMessage.Welcome welcomed) {
            lastWallet = welcomed.wallet();
        }
        return message;
    }

    /** Skips messages until one matches; throws when none does in time. */
    public ServerMessage await(Predicate<ServerMessage> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            ServerMessage message = left <= 0 ? null : next(Duration.ofNanos(left));
            if (message == null) {
                throw new IllegalStateException(idPrefix + ": no matching message within " + timeout);
            }
            if (wanted.test(message)) {
                return message;
            }
        }
    }

    /** Waits for the reply (done or error) to a request. */
    public ServerMessage reply(String requestId, Duration timeout) throws InterruptedException {
        return await(replyTo(requestId), timeout);
    }

    /** Matches the answer (done or error) to a request. */
    public static Predicate<ServerMessage> replyTo(String requestId) {
        return m -> (m instanceof ServerMessage.Done d && requestId.equals(d.requestId()))
                || (m instanceof ServerMessage.Error e && requestId.equals(e.requestId()));
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    /**
     * Completes when the server closed the socket (with its close status) or the connection failed or was cut (-1);
     * not when this side closed it.
     */
    public CompletableFuture<Integer> whenClosed() {
        return closed;
    }

    /**
     * From now on, every message goes to {@code listener} as it arrives (on the socket's thread) instead of the queue;
     * messages already queued are handed over first, in order.
     */
    public synchronized void listen(java.util.function.Consumer<ServerMessage> newListener) {
        String queued;
        while ((queued = inbox.poll()) != null) {
            newListener.accept(ProtocolJson.readServerMessage(queued));
        }
        listener = newListener;
    }

    private volatile java.util.function.Consumer<ServerMessage> listener;

    /** Also hands every frame, as received, to {@code tap} (tests read exactly what the server sent). */
    public void tapFrames(java.util.function.Consumer<String> newTap) {
        tap = newTap;
    }

    private volatile java.util.function.Consumer<String> tap;

    private synchronized void deliver(String text) {
        java.util.function.Consumer<String> frames = tap;
        if (frames != null) {
            frames.accept(text);
        }
        if (listener != null) {
            listener.accept(ProtocolJson.readServerMessage(text));
        } else {
            inbox.add(text);
        }
    }

    private volatile String closeReason;

    /** The reason in the server's close frame, once the socket closed that way; null otherwise. */
    public String closeReason() {
        return closeReason;
    }

    /** Sends a close frame and closes the socket; after this, nothing more is read or told. */
    @Override
    public void close() {
        closing = true;
        if (channel.isActive()) {
            channel.writeAndFlush(new CloseWebSocketFrame(1000, "bye")).addListener(ChannelFutureListener.CLOSE);
        } else {
            channel.close();
        }
    }

    /** The socket's end of the pipeline: the handshake's outcome, the server's frames, and the socket's end. */
    private final class Frames extends SimpleChannelInboundHandler<WebSocketFrame> {

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
            if (event == ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
                handshake.complete(null);
            } else if (event == ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
                handshake.completeExceptionally(new IOException("no WebSocket handshake within " + CONNECT_TIMEOUT_MILLIS + " ms"));
            }
            super.userEventTriggered(ctx, event);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
            if (closing) {
                return;
            }
            if (frame instanceof TextWebSocketFrame text) {
                deliver(text.text());
            } else if (frame instanceof CloseWebSocketFrame close) {
                closeReason = close.reasonText();
                int status = close.statusCode() < 0 ? NO_STATUS_RECEIVED : close.statusCode();
                ctx.writeAndFlush(new CloseWebSocketFrame(status == NO_STATUS_RECEIVED ? 1000 : status, ""))
                        .addListener(ChannelFutureListener.CLOSE);
                closed.complete(status);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            handshake.completeExceptionally(cause);
            if (!closing) {
                closed.complete(-1);
            }
            ctx.close();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            handshake.completeExceptionally(new ClosedChannelException());
            if (!closing) {
                closed.complete(-1); // closed with no close frame: the JDK's client called that an error too
            }
            super.channelInactive(ctx);
        }
    }
}
