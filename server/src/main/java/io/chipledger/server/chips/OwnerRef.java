package io.chipledger.server.chips;

/**
 * Whose chips a ledger account holds, as the game names them (TigerBeetle keeps who in typed fields, never in parsed
 * text): the cashier, a player's wallet, a table's pot and rake, a player's seat at a table, a tournament's prize
 * pool and fees. The ledger stores the
 * {@link #text()} form; {@link #parse} is the one way back.
 */
public sealed interface OwnerRef {

    /** The text the ledger stores, e.g. {@code "table:3/player:17"}. */
    String text();

    /** The world outside: deposits come from it, withdrawals and welcome grants too. */
    record Cashier() implements OwnerRef {
        @Override
        public String text() {
            return "cashier";
        }
    }

    /** A player's wallet: their chips away from the tables. */
    record Player(long playerId) implements OwnerRef {
        @Override
        public String text() {
            return "player:" + playerId;
        }
    }

    /** A table's own accounts: its pot and its rake. */
    record Table(long tableId) implements OwnerRef {
        @Override
        public String text() {
            return "table:" + tableId;
        }

        /** A player's seat at this table. */
        public Seat seatOf(long playerId) {
            return new Seat(tableId, playerId);
        }
    }

    /** A player's stack at a table. */
    record Seat(long tableId, long playerId) implements OwnerRef {
        @Override
        public String text() {
            return new Table(tableId).text() + "/" + new Player(playerId).text();
        }

        /** The wallet this seat's chips come from and go back to. */
        public Player wallet() {
            return new Player(playerId);
        }
    }

    /** A tournament's own accounts: its prize pool and its fees. */
    record Tournament(long tournamentId) implements OwnerRef {
        @Override
        public String text() {
            return "tournament:" + tournamentId;
        }
    }

    static Cashier cashier() {
        return new Cashier();
    }

    static Player player(long playerId) {
        return new Player(playerId);
    }

    static Table table(long tableId) {
        return new Table(tableId);
    }

    static Tournament tournament(long tournamentId) {
        return new Tournament(tournamentId);
    }

    /** The owner an account's stored text names; throws on text the game never writes. */
    static OwnerRef parse(String text) {
        if (text.equals("cashier")) {
            return new Cashier();
        }
        int slash = text.indexOf('/');
        if (slash >= 0 && parse(text.substring(0, slash)) instanceof Table table
                && parse(text.substring(slash + 1)) instanceof Player player) {
            return table.seatOf(player.playerId());
        }
        if (slash < 0 && text.startsWith("table:")) {
            return new Table(number(text, "table:"));
        }
        if (slash < 0 && text.startsWith("player:")) {
            return new Player(number(text, "player:"));
        }
        if (slash < 0 && text.startsWith("tournament:")) {
            return new Tournament(number(text, "tournament:"));
        }
        throw new IllegalArgumentException("not an account owner the game writes: " + text);
    }

    private static long number(String text, String prefix) {
        String digits = text.substring(prefix.length());
        if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("not an account owner the game writes: " + text);
        }
        return Long.parseLong(digits);
    }
}
