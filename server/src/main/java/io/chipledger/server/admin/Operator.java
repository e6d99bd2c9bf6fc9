package io.chipledger.server.admin;

import io.chipledger.server.account.Player;

/**
 * Who did an admin action, as the audit log names them: an admin player, or the command line (no player id; the name
 * says which OS user ran it).
 */
public record Operator(Long playerId, String name) {

    static Operator of(Player admin) {
        return new Operator(admin.id(), admin.name());
    }

    static Operator commandLine() {
        return new Operator(null, "command line (" + System.getProperty("user.name", "unknown") + ")");
    }
}
