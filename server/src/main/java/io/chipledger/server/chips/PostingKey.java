package io.chipledger.server.chips;

/**
 * The idempotency key of every posting the game makes, one record per reason a chip moves, each with its one text
 * form. A key names the request, not the attempt: a request sent again (a reconnect, a retry after an unknown
 * outcome, a recovery run twice) builds the same key, and the ledger answers it as it did the first time.
 */
public sealed interface PostingKey {

    /** The text the ledger stores and compares. */
    String text();

    /** A player's buy-in at a table, keyed by the requestId that asked for it; it names the stint at the seat too. */
    record BuyIn(long tableId, long playerId, String requestId) implements PostingKey {
        @Override
        public String text() {
            return "buyin:t" + tableId + ":p" + playerId + ":" + requestId;
        }
    }

    /** Chips added between hands. */
    record TopUp(long tableId, long playerId, String requestId) implements PostingKey {
        @Override
        public String text() {
            return "topup:t" + tableId + ":p" + playerId + ":" + requestId;
        }
    }

    /** A seat's stack back to the wallet at the end of a stint, named by the stint's buy-in key. */
    record CashOut(String stintKey) implements PostingKey {
        @Override
        public String text() {
            return "cashout:" + stintKey;
        }
    }

    /** The {@code number}th posting of a hand's chips (blinds, each action, the settlement). */
    record HandMove(long tableId, long handId, int number) implements PostingKey {
        @Override
        public String text() {
            return "t" + tableId + "-h" + handId + "-" + number;
        }
    }

    /** The refund of everything a voided hand took from its seats. */
    record VoidedHand(HandRef hand) implements PostingKey {
        @Override
        public String text() {
            return "void:" + hand.text();
        }
    }

    /** Chips found on a seat account no seat claims, returned at start-up; the version makes a rerun a replay. */
    record StrandedSeat(long seatAccountId, long version) implements PostingKey {
        @Override
        public String text() {
            return "recover:seat" + seatAccountId + ":v" + version;
        }
    }

    /** A new player's play money, once per player. */
    record WelcomeGrant(OwnerRef.Player player) implements PostingKey {
        @Override
        public String text() {
            return "grant:" + player.text();
        }
    }

    /** A tournament entry's buy-in and fee, wallet to prize pool and fee account; the entry is registered once. */
    record TournamentEntry(long entryId) implements PostingKey {
        @Override
        public String text() {
            return "entry:e" + entryId;
        }
    }

    /**
     * A tournament entry's buy-in and fee going back (the player unregistered, or the tournament was cancelled): one
     * key per entry, so an entry is never refunded twice whichever way its refund was asked for.
     */
    record EntryRefund(long entryId) implements PostingKey {
        @Override
        public String text() {
            return "entry-refund:e" + entryId;
        }
    }

    /** A finished tournament's prizes, prize pool to the winners' wallets, all in one posting. */
    record TournamentPrizes(long tournamentId) implements PostingKey {
        @Override
        public String text() {
            return "prizes:" + new OwnerRef.Tournament(tournamentId).text();
        }
    }

    /** An operator's deposit, withdrawal or adjustment, keyed by the operator's own idempotency key. */
    record Operator(String idempotencyKey) implements PostingKey {
        @Override
        public String text() {
            return "admin:" + idempotencyKey;
        }
    }
}
