package io.chipledger.server.table;

import io.chipledger.protocol.ClientMessage;
import io.chipledger.protocol.ErrorCode;
import io.chipledger.protocol.TableEvent;
import io.chipledger.server.account.Player;
import io.chipledger.server.net.RateLimiter;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A table's chat: lines of 1 to {@value #MAX_CHAT} characters from logged-in players, at a courteous rate. */
final class ChatModerator {

    private static final int MAX_CHAT = 200;
    /** Chat is a courtesy, not a channel: a few lines at once, then one a second per player. */
    private static final int CHAT_PER_SECOND = 1;
    private static final int CHAT_BURST = 5;

    private final Clock clock;
    private final Map<Long, RateLimiter> limits = new HashMap<>();

    ChatModerator(Clock clock) {
        this.clock = clock;
    }

    Outcome chat(Player player, ClientMessage.Chat chat) {
        String text = chat.text().strip();
        if (text.isEmpty() || text.length() > MAX_CHAT) {
            return Outcome.refused(chat.requestId(), ErrorCode.BAD_MESSAGE, "a chat message is 1 to " + MAX_CHAT + " characters");
        }
        if (player == null) {
            return Outcome.refused(chat.requestId(), ErrorCode.UNAUTHORIZED, "log in to chat");
        }
        long now = TimeUnit.MILLISECONDS.toNanos(clock.millis());
        if (!limits.computeIfAbsent(player.id(), id -> new RateLimiter(CHAT_PER_SECOND, CHAT_BURST, now)).tryAcquire(now)) {
            return Outcome.refused(chat.requestId(), ErrorCode.RATE_LIMITED, "one chat line a second, please");
        }
        return Outcome.published(new TableEvent.ChatPosted(player.name(), text)).andDone(chat.requestId());
    }
}
