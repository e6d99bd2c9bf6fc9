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

    public AuthEndpoints(PlayerDirectory players, WelcomeGrant grant) {
        this.players = players;
        this.grant = grant;
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
        return players.register(credentials.name(), credentials.password(), Player.Role.PLAYER)
                .thenCompose(registration -> {
                    if (!registration.ok()) {
                        return CompletableFuture.completedFuture(JsonReplies.error(409, "REGISTRATION_REFUSED", registration.refusal()));
                    }
                    return grant.give(registration.player())
                            .thenCompose(granted -> players.login(credentials.name(), credentials.password()))
                            .thenApply(login -> JsonReplies.login(201, login.orElseThrow()));
                });
    }

    private CompletionStage<HttpReply> login(HttpCall call) {
        Credentials credentials = Credentials.read(call);
        if (credentials == null) {
            return CompletableFuture.completedFuture(JsonReplies.error(400, "BAD_MESSAGE", "expected {\"name\":...,\"password\":...}, with no control character in the name"));
        }
        return players.login(credentials.name(), credentials.password()).thenApply(login -> login
                .map(l -> JsonReplies.login(200, l))
                .orElse(JsonReplies.error(401, "UNAUTHORIZED", "wrong name or password")));
    }

    private CompletionStage<HttpReply> logout(HttpCall call) {
        String token = JsonReplies.bearerToken(call);
        if (token == null) {
            return CompletableFuture.completedFuture(JsonReplies.error(401, "UNAUTHORIZED", "no session"));
        }
        return players.logout(token).thenApply(done -> HttpReply.json(200, "{}"));
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
