package io.chipledger.server.game.holdem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chipledger.money.Money;
import io.chipledger.server.game.Card;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Builds hands for tests: seats numbered 1..n from left of the button, cards written as in hand histories. */
final class HandFixture {

    private HandFixture() {
    }

    static Money m(String amount) {
        return Money.parse(amount);
    }

    static HandSetup setup(Stakes stakes, String... stacks) {
        List<PlayerSeat> players = new ArrayList<>();
        for (int i = 0; i < stacks.length; i++) {
            players.add(new PlayerSeat(i + 1, m(stacks[i])));
        }
        return HandSetup.of(players, stakes);
    }

    static HoldemHand start(Stakes stakes, String... stacks) {
        return HoldemHand.start(setup(stakes, stacks));
    }

    static Stakes blinds(String small, String big) {
        return Stakes.blinds(m(small), m(big));
    }

    static List<Card> cards(String text) {
        List<Card> cards = new ArrayList<>();
        for (int i = 0; i < text.length(); i += 2) {
            cards.add(Card.parse(text.substring(i, i + 2)));
        }
        return cards;
    }

    /** Deals hole cards to seats 1..n in order. */
    static void dealHoles(HoldemHand hand, String... holes) {
        for (int i = 0; i < holes.length; i++) {
            hand.handle(new HandCommand.DealHoleCards(i + 1, cards(holes[i])));
        }
    }

    static List<HandEvent> board(HoldemHand hand, String cards) {
        return hand.handle(new HandCommand.DealBoard(cards(cards)));
    }

    /** Everything a client could observe; equal before and after a refused command. */
    record Snapshot(Phase phase, List<SeatView> seats, List<Card> board, OptionalInt actor,
                    Optional<LegalActions> legal, List<Pot> pots, int events) {
        static Snapshot of(HoldemHand hand) {
            return new Snapshot(hand.phase(), hand.seats(), hand.board(), hand.actor(), hand.legalActions(),
                    hand.pots(), hand.events().size());
        }
    }

    static void assertRefused(HoldemHand hand, HandCommand command, Refusal reason) {
        Snapshot before = Snapshot.of(hand);
        assertThatThrownBy(() -> hand.handle(command))
                .isInstanceOfSatisfying(IllegalActionException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.getMessage()).isNotBlank();
                });
        assertThat(Snapshot.of(hand)).isEqualTo(before);
        assertThat(hand.refusal(command)).map(IllegalActionException::reason).contains(reason);
    }

    static List<HandEvent> eventsOf(HoldemHand hand, Class<? extends HandEvent> type) {
        return hand.events().stream().filter(type::isInstance).toList();
    }

    static int seatOf(HandEvent event) {
        if (event instanceof HandEvent.HandShown shown) {
            return shown.seat();
        }
        if (event instanceof HandEvent.HandMucked mucked) {
            return mucked.seat();
        }
        throw new IllegalArgumentException("no seat in " + event);
    }
}
