package io.chipledger.server.admin;

import io.chipledger.server.account.Player;
import io.chipledger.server.account.PlayerDirectory;
import io.chipledger.server.api.WelcomeGrant;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * The accounts the server's demo bots play as ({@code serve --demo-bots}): created once, each creation recorded in the
 * admin log ({@value #ACTION}), and found there again on every start, so a restart seats the same bots with the
 * wallets they left rather than new ones with a fresh welcome grant. A name a person registered first is never
 * taken over: only accounts the log says the server created are used. Their passwords are random and thrown away;
 * the server opens their sessions itself.
 */
public final class DemoBotAccounts {

    static final String ACTION = "DEMO_BOT_CREATE";
    private static final String PREFIX = "demo-bot-";
    private static final int MAX_LOGGED = 10_000;

    private final PlayerDirectory players;
    private final WelcomeGrant grant;
    private final AdminAuditLog auditLog;
    private final SecureRandom random = new SecureRandom();

    /** @param grant what a new bot receives, as a person signing up would */
    public DemoBotAccounts(SqlSessionFactory database, PlayerDirectory players, WelcomeGrant grant) {
        AdminMapper.register(database);
        this.players = players;
        this.grant = grant;
        this.auditLog = new AdminAuditLog(database);
    }

    /** The bots created before, oldest first, leaving out any an operator has frozen since. */
    public List<Player> existing() {
        List<Player> bots = new ArrayList<>();
        List<AdminLogEntry> created = new ArrayList<>(auditLog.recent(ACTION, MAX_LOGGED));
        java.util.Collections.reverse(created);
        for (AdminLogEntry entry : created) {
            if (entry.target() != null && entry.target().startsWith("player:")) {
                long id = Long.parseLong(entry.target().substring("player:".length()));
                players.findById(id).join().filter(p -> !players.isFrozen(p.id())).ifPresent(bots::add);
            }
        }
        return bots;
    }

    /** A new bot account under the first free name {@code demo-bot-N}; its creation goes into the admin log. */
    public Player create() {
        for (int n = 1; ; n++) {
            String name = PREFIX + n;
            Optional<Player> taken = players.find(name).join();
            if (taken.isPresent()) {
                continue;
            }
            byte[] secret = new byte[24];
            random.nextBytes(secret);
            PlayerDirectory.Registration registration = players.register(name,
                    Base64.getEncoder().encodeToString(secret), Player.Role.PLAYER).join();
            if (!registration.ok()) {
                continue; // registered by someone else meanwhile
            }
            Player bot = registration.player();
            grant.give(bot).join();
            auditLog.entry(new Operator(null, "server (serve --demo-bots)"), ACTION, "player:" + bot.id(),
                    "an account for the demo bots", AdminJson.MAPPER.valueToTree(Map.of("name", bot.name())),
                    AdminReply.ok(Map.of("playerId", bot.id(), "name", bot.name())));
            return bot;
        }
    }

    /** A session token for a bot of ours, with no password. */
    public String session(Player bot) {
        return players.sessionFor(bot).join().token();
    }
}
