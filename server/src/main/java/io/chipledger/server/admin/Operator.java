package io.chipledger.server.admin;

import io.chipledger.server.account.Player;

/**
 * Who did an admin action, as the audit log names them: an admin player, or the command line (no player id; the name
 * says which OS user ran it); {@code passedOnFrom} the game node whose console the operator used, when that node
 * passed the request on to this one (null otherwise).
 */
public record Operator(Long playerId, String name, String passedOnFrom) {

    public Operator(Long playerId, String name) {
        this(playerId, name, null);
    }

    static Operator of(Player admin, String passedOnFrom) {
        return new Operator(admin.id(), admin.name(), passedOnFrom);
    }

    static Operator commandLine() {
        return new Operator(null, "command line (" + System.getProperty("user.name", "unknown") + ")");
    }
}
