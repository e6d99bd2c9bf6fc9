package io.chipledger.server.admin;

import io.chipledger.server.account.PasswordHasher;
import io.chipledger.server.account.Player;
import io.chipledger.server.account.PlayerDirectory;
import io.chipledger.server.account.SessionTokens;
import io.chipledger.server.chips.OwnerRef;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * Creates admin accounts outside the web (the command line, or {@code serve --admin} on first start): there is no
 * default admin and no default password. A name an ordinary player already holds is never promoted this way, since
 * anyone could have registered it first. Each creation is written to the admin audit log. Blocking.
 */
public final class FirstAdmin {

    public static final int MIN_PASSWORD = 12;

    /** What happened: created now, or already an admin (left as it was, password unchanged). */
    public enum Outcome {
        CREATED, ALREADY_ADMIN
    }

    private final PlayerDirectory players;
    private final AdminAuditLog auditLog;

    private FirstAdmin(PlayerDirectory players, AdminAuditLog auditLog) {
        this.players = players;
        this.auditLog = auditLog;
    }

    /** Over a migrated server database (the server's and the admin mappers registered). */
    public static FirstAdmin on(SqlSessionFactory database, int passwordIterations) {
        AdminMapper.register(database);
        PlayerDirectory players = new PlayerDirectory(database, new PasswordHasher(passwordIterations, new SecureRandom()),
                new SessionTokens(new SecureRandom()), Clock.systemUTC(), Duration.ofDays(1), Runnable::run);
        return new FirstAdmin(players, new AdminAuditLog(database));
    }

    /**
     * Creates {@code name} as an admin with {@code password}. With {@code existingAdminIsFine}, an admin of that name
     * is left alone; otherwise it is refused. Throws {@link IllegalArgumentException} saying why when refused.
     *
     * @param how who is doing it, for the audit log (e.g. "poker-server admin create")
     */
    public Outcome create(String name, char[] password, String how, boolean existingAdminIsFine) {
        if (password == null || password.length < MIN_PASSWORD) {
            throw new IllegalArgumentException("an admin password is at least " + MIN_PASSWORD + " characters");
        }
        Optional<Player> existing = players.find(name).join();
        if (existing.isPresent()) {
            if (existing.get().isAdmin() && existingAdminIsFine) {
                return Outcome.ALREADY_ADMIN;
            }
            throw new IllegalArgumentException(existing.get().isAdmin() ? "an admin named " + name + " already exists"
                    : "the name " + name + " belongs to a player; choose another name for the admin");
        }
        PlayerDirectory.Registration registration = players.register(name, new String(password), Player.Role.ADMIN).join();
        if (!registration.ok()) {
            throw new IllegalArgumentException(registration.refusal());
        }
        Player admin = registration.player();
        Operator operator = Operator.commandLine();
        auditLog.entry(new Operator(null, operator.name() + " via " + how), "ADMIN_CREATE", OwnerRef.player(admin.id()).text(),
                "first admin created outside the web console", AdminJson.MAPPER.valueToTree(Map.of("name", admin.name())),
                AdminReply.ok(Map.of("playerId", admin.id(), "name", admin.name(), "role", admin.role().name())));
        return Outcome.CREATED;
    }
}
