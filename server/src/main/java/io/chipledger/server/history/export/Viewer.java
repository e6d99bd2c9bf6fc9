package io.chipledger.server.history.export;

import io.chipledger.server.history.record.HandHistory;

/**
 * Who an export is for: a player sees their own hole cards and other players' only where shown at showdown; an
 * administrator (or the operator's command line) sees every card.
 *
 * @param playerId null for an administrator
 */
public record Viewer(Long playerId) {

    public static Viewer admin() {
        return new Viewer(null);
    }

    public static Viewer player(long playerId) {
        return new Viewer(playerId);
    }

    public boolean seesAll() {
        return playerId == null;
    }

    public HandHistory view(HandHistory hand) {
        return seesAll() ? hand : hand.seenBy(playerId);
    }
}
