package io.chipledger.server.history.phh;

/** How one replayed hand compared with its history. */
public sealed interface ReplayResult {

    String name();

    record Matched(String name) implements ReplayResult {
    }

    /**
     * Matched, but only under {@link io.chipledger.server.game.holdem.Reopening#ANY_RAISE}: the history has a player
     * who already acted re-raise after an all-in for less than a full raise ({@code action}), which our tables refuse.
     */
    record MatchedUnderAnyRaiseReopening(String name, String action) implements ReplayResult {
    }

    /** The engine refused an action, did not finish, or ended with other stacks; {@code reason} says which. */
    record Mismatched(String name, String reason) implements ReplayResult {
    }
}
