package io.chipledger.server.bot;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes down every chip movement the server acknowledged to a bot, one tab-separated line each ({@code kind, table,
 * player, ref}), so a harness can check afterwards that each is in the ledger's journal (docs/cluster/game-nodes.sh).
 * A line is flushed as it is written (LineLog): what was acknowledged before a crash of the bots' JVM is on disk.
 */
public final class AcknowledgementLog implements AutoCloseable {

    /** What the server acknowledged: a posting key's kind, and which of the table's hands or requests it names. */
    public enum Kind {
        /** {@code done} to a sit-down: the buy-in {@code buyin:tT:pP:REQUEST} committed. */
        BUYIN,
        /** {@code done} to a top-up: {@code topup:tT:pP:REQUEST} committed (or was a replay of it). */
        TOPUP,
        /** {@code seatLeft} with chips: the stint's cash-out {@code cashout:buyin:tT:pP:REQUEST} committed. */
        CASHOUT,
        /** {@code handEnded}: the hand is settled and its postings ({@code hand_ref = hID}) committed. */
        HAND,
        /** {@code handVoided}: the hand's refund {@code void:hID} committed. */
        VOIDED
    }

    private final LineLog out;

    public AcknowledgementLog(Path file) throws IOException {
        this.out = new LineLog(file);
    }

    /** One acknowledgement; {@code ref} is the request's id (buy-in, top-up, cash-out) or the hand's id. */
    public void record(Kind kind, long tableId, String player, String ref) {
        out.write(kind.name().toLowerCase(java.util.Locale.ROOT), Long.toString(tableId), player, ref);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
