package io.chipledger.server.bot;

import com.fasterxml.jackson.databind.JsonNode;
import io.chipledger.money.Money;
import io.chipledger.protocol.ClientMessage;
import io.chipledger.protocol.ProtocolJson;
import io.chipledger.protocol.ServerMessage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A player's side of the protocol over a real WebSocket (the JDK's client): register or log in over HTTP, say hello,
 * send requests, and read what the server sends. Used by the bots and by tests that play as browsers would.
 */
public final class PokerClient implements WebSocket.Listener, AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    /**
     * WebSockets are spread over a few clients: each JDK client reads all its connections on one selector thread, and
     * thousands of bot connections on one thread fall behind the server, which then cuts them off as too slow.
     */
    private static final HttpClient[] SOCKETS = new HttpClient[4];
    private static final AtomicLong OPENED = new AtomicLong();

    static {
        for (int i = 0; i < SOCKETS.length; i++) {
            SOCKETS[i] = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        }
    }

    /** One thread pings every kept-alive client: a ping is a few bytes, and thousands of bots keep it idle. */
    private static final ScheduledExecutorService KEEP_ALIVE = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "poker-client-keep-alive");
        thread.setDaemon(true);
        return thread;
    });

    private final BlockingQueue<String> inbox = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private final AtomicLong requests = new AtomicLong();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final String idPrefix;
    private WebSocket socket;

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

    /** Opens the WebSocket without saying hello. */
    public static PokerClient open(String wsUrl, String idPrefix) {
        PokerClient client = new PokerClient(idPrefix);
        HttpClient http = SOCKETS[(int) (OPENED.getAndIncrement() % SOCKETS.length)];
        client.socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10)).buildAsync(URI.create(wsUrl), client).join();
        return client;
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
        ScheduledFuture<?> pings = KEEP_ALIVE.scheduleAtFixedRate(() -> {
            if (!socket.isOutputClosed()) {
                socket.sendPing(ByteBuffer.allocate(0)).exceptionally(failed -> null);
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        closed.whenComplete((status, failure) -> pings.cancel(false));
    }

    /**
     * One text frame at a time (the JDK's WebSocket refuses a send while one is in progress), under a lock of its own:
     * under this client's lock, which {@link #deliver} holds while a listener reacts, a listener that sends while
     * another thread holds its own lock and sends deadlocked the two (seen hanging a test suite).
     */
    private final Object sending = new Object();

    /** Sends any text, valid or not: tests use it for hostile frames. */
    public void sendRaw(String text) {
        synchronized (sending) {
            socket.sendText(text, true).join();
        }
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

    /** Completes (with the close status, or -1 for a failure) when the socket closed, by either side. */
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

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String text = partial.toString();
            partial.setLength(0);
            deliver(text);
        }
        ws.request(1);
        return null;
    }

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

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
        closeReason = reason;
        closed.complete(status);
        return null;
    }

    private volatile String closeReason;

    /** The reason in the server's close frame, once the socket closed that way; null otherwise. */
    public String closeReason() {
        return closeReason;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        closed.complete(-1);
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
        }
        socket.abort();
    }
}
