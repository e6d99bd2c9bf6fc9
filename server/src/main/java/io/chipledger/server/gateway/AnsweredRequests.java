package io.chipledger.server.gateway;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.chipledger.protocol.ClientMessage;
import io.chipledger.protocol.ErrorCode;
import io.chipledger.protocol.ServerMessage;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The answers a session's table requests got, by requestId, so a request sent again (after a reconnect, a double
 * click) gets the answer it got the first time, even once the table has moved on (a top-up resent during the next
 * hand, a leave resent after the cash-out), and a requestId reused for another request is refused. An answer that
 * changed nothing because of the moment (the server failed, the message rate) is forgotten, so sending it again tries
 * again. Kept per session, the recent ones only, in memory: the ledger's own keys still stop money moving twice.
 */
final class AnsweredRequests {

    private static final int PER_SESSION = 256;

    private final Cache<String, Session> sessions;

    AnsweredRequests(Duration keptFor) {
        this.sessions = Caffeine.newBuilder().expireAfterAccess(keptFor).maximumSize(100_000).build();
    }

    /** What a request is, given what the session sent before under its requestId. */
    sealed interface Claim {
    }

    /** Not seen before: carry it out, then {@link Session#answered} it. */
    record First(Session session, ClientMessage request) implements Claim {
        void answered(ServerMessage answer) {
            session.answered(request, answer);
        }
    }

    /** Sent before: its answer, now or once the first one is answered. */
    record Again(CompletableFuture<ServerMessage> answer) implements Claim {
    }

    /** The requestId named another request. */
    record Reused(ServerMessage.Error refusal) implements Claim {
    }

    Claim claim(String sessionKey, ClientMessage request) {
        Session session = sessions.get(sessionKey, key -> new Session());
        return session.claim(request);
    }

    /** One session's recent requests. */
    static final class Session {
        private final Map<String, Sent> byRequestId = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Sent> eldest) {
                return size() > PER_SESSION;
            }
        };

        private record Sent(ClientMessage request, CompletableFuture<ServerMessage> answer) {
        }

        synchronized Claim claim(ClientMessage request) {
            Sent earlier = byRequestId.get(request.requestId());
            if (earlier == null) {
                byRequestId.put(request.requestId(), new Sent(request, new CompletableFuture<>()));
                return new First(this, request);
            }
            if (!earlier.request().equals(request)) {
                return new Reused(new ServerMessage.Error(request.requestId(), ErrorCode.REQUEST_ID_REUSED,
                        "request " + request.requestId() + " was another request"));
            }
            return new Again(earlier.answer());
        }

        synchronized void answered(ClientMessage request, ServerMessage answer) {
            Sent sent = byRequestId.get(request.requestId());
            if (sent == null) {
                return;
            }
            if (answer == null || answer instanceof ServerMessage.Error error
                    && (error.code() == ErrorCode.INTERNAL || error.code() == ErrorCode.RATE_LIMITED
                    || error.code() == ErrorCode.UNAVAILABLE)) {
                byRequestId.remove(request.requestId()); // nothing changed for a reason of the moment: try again
            }
            sent.answer().complete(answer);
        }
    }
}
