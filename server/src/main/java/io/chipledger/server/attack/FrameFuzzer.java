package io.chipledger.server.attack;

import io.chipledger.protocol.ProtocolJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends hostile frames over many WebSockets, each as fast as the server's per-connection rate allows, and counts the
 * answers. Each connection first opens a session ({@code hello}); a connection the server closes is opened again.
 */
final class FrameFuzzer {

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI ws;
    private final List<String> tokens;
    private final long tableId;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong closed = new AtomicLong();
    private final AtomicLong internal = new AtomicLong();
    /** Frames sent with a requestId of ours and not answered yet, by requestId: the start of each frame. */
    private final Map<String, String> pending = new ConcurrentHashMap<>();
    private static final Pattern REQUEST_ID = Pattern.compile("\"requestId\":\"([^\"]+)\"");

    FrameFuzzer(URI ws, List<String> tokens, long tableId) {
        this.ws = ws;
        this.tokens = tokens;
        this.tableId = tableId;
    }

    /** Sends {@code frames} frames over {@code connections} sockets, {@code perSecond} a socket, then waits for answers. */
    void run(long frames, int connections, int perSecond) throws InterruptedException {
        List<Thread> senders = new ArrayList<>();
        long each = frames / connections;
        for (int c = 0; c < connections; c++) {
            int index = c;
            long quota = each + (c < frames % connections ? 1 : 0);
            Thread sender = new Thread(() -> fuzz(index, quota, perSecond), "fuzz-" + c);
            sender.setDaemon(true);
            senders.add(sender);
            sender.start();
        }
        for (Thread sender : senders) {
            sender.join();
        }
        long settle = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (answered.get() < sent.get() && System.nanoTime() < settle) {
            Thread.sleep(100);
        }
    }

    private void fuzz(int index, long quota, int perSecond) {
        HostileFrames frames = new HostileFrames(index, tableId);
        long interval = 1_000_000_000L / perSecond;
        long done = 0;
        while (done < quota) {
            Listener listener = new Listener();
            WebSocket socket;
            try {
                socket = http.newWebSocketBuilder().buildAsync(ws, listener).get(10, TimeUnit.SECONDS);
                socket.sendText("{\"type\":\"hello\",\"requestId\":\"h\",\"protocolVersion\":1,\"token\":\""
                        + tokens.get(index % tokens.size()) + "\"}", true).get(10, TimeUnit.SECONDS);
                listener.welcomed.get(10, TimeUnit.SECONDS);
            } catch (Exception failed) {
                sleep(1_000_000_000L);
                continue;
            }
            long next = System.nanoTime();
            while (done < quota && !listener.closedNow.isDone()) {
                String requestId = index + "-" + done;
                String frame = frames.next(requestId);
                // Only frames whose requestId the server can read: a broken frame is answered with a null one.
                if (requestId.equals(ProtocolJson.requestIdOf(frame))) {
                    pending.put(requestId, frame.length() > 40 ? frame.substring(0, 40) : frame);
                }
                try {
                    socket.sendText(frame, true).get(10, TimeUnit.SECONDS);
                } catch (Exception failed) {
                    break;
                }
                sent.incrementAndGet();
                done++;
                next += interval;
                sleep(next - System.nanoTime());
            }
            if (done >= quota) {
                sleep(2_000_000_000L);
                listener.closing = true;
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").exceptionally(e -> null);
            }
        }
    }

    private static void sleep(long nanos) {
        if (nanos > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(nanos);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Counts answers (done, error, pong) and notices the welcome and the close. */
    private final class Listener implements WebSocket.Listener {
        final CompletableFuture<Void> welcomed = new CompletableFuture<>();
        final CompletableFuture<Void> closedNow = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String frame = partial.toString();
                partial.setLength(0);
                if (frame.startsWith("{\"type\":\"welcome\"")) {
                    welcomed.complete(null);
                } else if (frame.startsWith("{\"type\":\"error\"") || frame.startsWith("{\"type\":\"done\"")
                        || frame.startsWith("{\"type\":\"pong\"")) {
                    answered.incrementAndGet();
                    Matcher id = REQUEST_ID.matcher(frame);
                    if (id.find()) {
                        pending.remove(id.group(1));
                    }
                    if (frame.contains("\"code\":\"INTERNAL\"")) {
                        internal.incrementAndGet();
                    }
                }
            }
            socket.request(1);
            return null;
        }

        /** Set when this side is done and closes: the server's answering close is not counted. */
        volatile boolean closing;

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int status, String reason) {
            if (!closing) {
                closed.incrementAndGet();
            }
            closedNow.complete(null);
            welcomed.completeExceptionally(new IllegalStateException("closed: " + reason));
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            closedNow.complete(null);
            welcomed.completeExceptionally(error);
        }
    }

    /** Up to five frames that named a request and got no answer, to show what went unanswered. */
    String unanswered() {
        return pending.size() + " frames with a requestId unanswered" + (pending.isEmpty() ? ""
                : ", e.g. " + pending.values().stream().limit(5).toList());
    }

    String report() {
        return String.format("fuzzer: %d frames sent, %d answered (%.2f%%), %d INTERNAL answers, %d connections closed by the server",
                sent.get(), answered.get(), sent.get() == 0 ? 0.0 : 100.0 * answered.get() / sent.get(), internal.get(), closed.get());
    }
}
