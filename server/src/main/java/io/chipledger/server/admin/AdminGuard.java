package io.chipledger.server.admin;

import io.chipledger.server.account.Player;
import io.chipledger.server.account.PlayerDirectory;
import io.chipledger.server.net.HttpCall;
import io.chipledger.server.net.HttpEndpoint;
import io.chipledger.server.net.HttpReply;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets a request through to an admin endpoint only with the {@code Authorization: Bearer} token of a live session of
 * an unfrozen ADMIN: no session (missing, unknown, expired, logged out) is 401, a player or a frozen admin is 403.
 * The endpoint is not called at all otherwise, so a refused request changes nothing. Refusals an endpoint raises
 * ({@link AdminRefusal}) become their reply here.
 */
final class AdminGuard {

    private static final Logger log = LoggerFactory.getLogger(AdminGuard.class);

    /** An admin endpoint: an HTTP endpoint that also knows which operator calls it. */
    @FunctionalInterface
    interface AdminEndpoint {
        CompletionStage<AdminReply> handle(HttpCall call, Operator operator);
    }

    private final PlayerDirectory players;

    AdminGuard(PlayerDirectory players) {
        this.players = players;
    }

    HttpEndpoint admin(AdminEndpoint endpoint) {
        return call -> {
            String token = bearerToken(call);
            if (token == null) {
                return CompletableFuture.completedFuture(unauthorized("log in as an admin: no session token"));
            }
            return players.authenticate(token).thenCompose(found -> {
                if (found.isEmpty()) {
                    return CompletableFuture.completedFuture(unauthorized("the session is unknown or expired; log in again"));
                }
                Player player = players.current(found.get());
                if (!player.isAdmin() || player.frozen()) {
                    return CompletableFuture.completedFuture(AdminReply.error(403, "FORBIDDEN",
                            player.isAdmin() ? "this admin account is frozen" : "this needs an admin account").toHttp());
                }
                return call(endpoint, call, Operator.of(player, call.header(ConsoleForwarding.FORWARDED_BY)));
            });
        };
    }

    private static CompletionStage<HttpReply> call(AdminEndpoint endpoint, HttpCall call, Operator operator) {
        CompletionStage<AdminReply> reply;
        try {
            reply = endpoint.handle(call, operator);
        } catch (AdminRefusal refusal) {
            return CompletableFuture.completedFuture(refusal.reply().toHttp());
        }
        return reply.handle((answer, failure) -> {
            if (failure == null) {
                return answer.toHttp();
            }
            AdminRefusal refusal = AdminRefusal.in(failure);
            if (refusal != null) {
                return refusal.reply().toHttp();
            }
            log.error("admin {} {} by {} failed", call.method(), call.path(), operator.name(), failure);
            return AdminReply.error(500, "INTERNAL", "the server failed; if the request moved money, resend it with the "
                    + "same idempotency key to learn its outcome").toHttp();
        });
    }

    private static HttpReply unauthorized(String message) {
        return AdminReply.error(401, "UNAUTHORIZED", message).toHttp();
    }

    /** The token of an {@code Authorization: Bearer} header, or null. */
    static String bearerToken(HttpCall call) {
        String header = call.header("authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = header.substring(7).strip();
        return token.isEmpty() ? null : token;
    }
}
