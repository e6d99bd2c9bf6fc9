package io.chipledger.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chipledger.protocol.ProtocolJson;
import io.chipledger.server.account.Player;
import io.chipledger.server.account.PlayerDirectory;
import io.chipledger.server.net.HttpCall;
import io.chipledger.server.net.HttpReply;
import io.chipledger.server.net.HttpRoutes;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code POST /api/register}, {@code POST /api/login}, {@code POST /api/logout}: JSON in, JSON out. The token returned
 * is what the client sends in its WebSocket {@code hello} and in the {@code Authorization: Bearer} header of REST calls.
 */
public final class AuthEndpoints {

    private final PlayerDirectory players;
    private final WelcomeGrant grant;
    private final LoginThrottle throttle;

    public AuthEndpoints(PlayerDirectory players, WelcomeGrant grant) {
        this(players, grant, LoginLimits.defaults());
    }

    public AuthEndpoints(PlayerDirectory players, WelcomeGrant grant, LoginLimits limits) {
        this.players = players;
        this.grant = grant;
        this.throttle = new LoginThrottle(limits);
    }

    public void addTo(HttpRoutes routes) {
        routes.post("/api/register", this::register)
                .post("/api/login", this::login)
                .post("/api/logout", this::logout);
    }

    private CompletionStage<HttpReply> register(HttpCall call) {
        Credentials credentials = Credentials.read(call);
        if (credentials == null) {
            return CompletableFuture.completedFuture(JsonReplies.error(400, "BAD_MESSAGE", "expected {\"name\":...,\"password\":...}, with no control character in the name"));
        }
        LoginThrottle.Verdict verdict = throttle.attempt(call.remoteAddress());
        if (!verdict.allowed()) {
            return CompletableFuture.completedFuture(tooMany(verdict, "too many attempts from your address"));
        }
        return busyAware(players.register(credentials.name(), credentials.password(), Player.Role.PLAYER)
                .thenCompose(registration -> {
                    if (!registration.ok()) {
                        return CompletableFuture.completedFuture(JsonReplies.error(409, "REGISTRATION_REFUSED", registration.refusal()));
                    }
                    // Accounts registered in a loop from one address get no more play money than its allowance.
                    boolean granted = throttle.grantAllowed(call.remoteAddress());
                    throttle.succeeded(credentials.name(), call.remoteAddress());
                    CompletableFuture<Void> given = granted ? grant.give(registration.player()) : CompletableFuture.completedFuture(null);
                    return given.thenCompose(done -> players.login(credentials.name(), credentials.password()))
                            .thenApply(login -> JsonReplies.registered(login.orElseThrow(), granted));
                }));
    }

    private CompletionStage<HttpReply> login(HttpCall call) {
        Credentials credentials = Credentials.read(call);
        if (credentials == null) {
            return CompletableFuture.completedFuture(JsonReplies.error(400, "BAD_MESSAGE", "expected {\"name\":...,\"password\":...}, with no control character in the name"));
        }
        LoginThrottle.Verdict verdict = throttle.attempt(call.remoteAddress());
        if (!verdict.allowed()) {
            return CompletableFuture.completedFuture(tooMany(verdict, "too many attempts from your address"));
        }
        verdict = throttle.loginAllowed(credentials.name(), call.remoteAddress());
        if (!verdict.allowed()) {
            return CompletableFuture.completedFuture(tooMany(verdict, "too many failed logins for this name"));
        }
        return busyAware(players.login(credentials.name(), credentials.password()).thenApply(login -> {
            if (login.isEmpty()) {
                throttle.failed(credentials.name(), call.remoteAddress());
                return JsonReplies.error(401, "UNAUTHORIZED", "wrong name or password");
            }
            throttle.succeeded(credentials.name(), call.remoteAddress());
            return JsonReplies.login(200, login.get());
        }));
    }

    private CompletionStage<HttpReply> logout(HttpCall call) {
        String token = JsonReplies.bearerToken(call);
        if (token == null) {
            return CompletableFuture.completedFuture(JsonReplies.error(401, "UNAUTHORIZED", "no session"));
        }
        return players.logout(token).thenApply(done -> HttpReply.json(200, "{}"));
    }

    private static HttpReply tooMany(LoginThrottle.Verdict verdict, String why) {
        HttpReply refused = JsonReplies.error(429, "RATE_LIMITED", why + "; try again in " + verdict.retryAfterSeconds() + " s");
        return new HttpReply(refused.status(), refused.contentType(), refused.body(),
                java.util.Map.of("Retry-After", String.valueOf(verdict.retryAfterSeconds())));
    }

    /** A hashing pool with no room left answers 503 with a Retry-After, not 500. */
    private static CompletionStage<HttpReply> busyAware(CompletableFuture<HttpReply> reply) {
        return reply.exceptionally(failure -> {
            Throwable cause = failure instanceof java.util.concurrent.CompletionException ? failure.getCause() : failure;
            if (cause instanceof PlayerDirectory.Busy busy) {
                HttpReply refused = JsonReplies.error(503, "BUSY", busy.getMessage());
                return new HttpReply(503, refused.contentType(), refused.body(), java.util.Map.of("Retry-After", "1"));
            }
            throw failure instanceof RuntimeException runtime ? runtime : new java.util.concurrent.CompletionException(failure);
        });
    }

    /** The body of register and login. */
    record Credentials(String name, String password) {
        static Credentials read(HttpCall call) {
            try {
                JsonNode body = ProtocolJson.mapper().readTree(call.body());
                if (!(body instanceof ObjectNode object) || !object.path("name").isTextual() || !object.path("password").isTextual()) {
                    return null;
                }
                String name = object.get("name").asText();
                // A NUL (or any control character) can be no one's name, and PostgreSQL refuses it in text.
                return name.chars().anyMatch(Character::isISOControl) ? null
                        : new Credentials(name, object.get("password").asText());
            } catch (IOException malformed) {
                return null;
            }
        }
    }
}
