package io.chipledger.server.history.phh;

import io.chipledger.money.Money;
import io.chipledger.money.RakeRule;
import java.util.List;
import java.util.Optional;

/**
 * The fields of one PHH hand that a replay needs, amounts exact. Arrays have one entry per player,
 * {@code p1} first (the player left of the button).
 *
 * @param name            where it came from: the table key in a {@code .phhs} file, or the file name
 * @param finishingStacks empty when the history does not record them
 * @param rake            the user-defined fields {@code _rake_percent}, {@code _rake_cap} and
 *                        {@code _rake_no_flop_no_drop} (as our exports write them); {@link RakeRule#NONE} without them
 * @param postedBigBlinds the user-defined field {@code _posted_big_blinds}: the players (1 for {@code p1}) whose entry
 *                        in {@code blinds_or_straddles} is a live big blind posted to come in at once, not a straddle
 */
public record PhhHand(
        String name,
        String variant,
        boolean anteTrimming,
        List<Money> antes,
        List<Money> blindsOrStraddles,
        Money minBet,
        List<Money> startingStacks,
        List<String> actions,
        Optional<List<Money>> finishingStacks,
        RakeRule rake,
        List<Integer> postedBigBlinds) {

    public PhhHand {
        postedBigBlinds = List.copyOf(postedBigBlinds);
        antes = List.copyOf(antes);
        blindsOrStraddles = List.copyOf(blindsOrStraddles);
        startingStacks = List.copyOf(startingStacks);
        actions = List.copyOf(actions);
        finishingStacks = finishingStacks.map(List::copyOf);
    }

    public int players() {
        return startingStacks.size();
    }
}
