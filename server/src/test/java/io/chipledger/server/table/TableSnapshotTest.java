package io.chipledger.server.table;

import static org.assertj.core.api.Assertions.assertThat;

import io.chipledger.money.Money;
import io.chipledger.money.RakeRule;
import io.chipledger.protocol.TableView;
import io.chipledger.server.account.Player;
import io.chipledger.server.game.holdem.HandSetup;
import io.chipledger.server.game.holdem.HoldemHand;
import io.chipledger.server.history.record.GameRecord;
import io.chipledger.server.game.holdem.PlayerSeat;
import io.chipledger.server.game.holdem.Reopening;
import io.chipledger.server.game.holdem.Stakes;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The table as a snapshot tells it to one viewer: whose turn, with how much time on which clock. */
class TableSnapshotTest {

    private static final Instant TURN_STARTED = Instant.parse("2026-11-26T12:00:00Z");

    private final TableConfig config = TableConfig.standard(1, "T", Money.parse("0.50"), Money.parse("1.00"), 6);
    private final SeatMap seats = new SeatMap(6);
    private final RunningHand hand;

    TableSnapshotTest() {
        seats.put(new Seat(0, new Player(1, "alice", Player.Role.PLAYER, false), 11, "a", Money.parse("50.00"), config.timeBank()));
        seats.put(new Seat(1, new Player(2, "bob", Player.Role.PLAYER, false), 12, "b", Money.parse("50.00"), config.timeBank()));
        HoldemHand engine = HoldemHand.start(new HandSetup(
                List.of(new PlayerSeat(1, Money.parse("50.00")), new PlayerSeat(0, Money.parse("50.00"))),
                config.stakes(), RakeRule.NONE, true, Reopening.FULL_RAISE_ONLY));
        DeckSource.ShuffledDeck deck = new ProvablyFairDeckSource(new SecureRandom()).shuffle(config.id(), 7);
        hand = RunningHand.start(7, engine, deck, config, GameRecord.of(config.stakes(), config.rake(), config.seatCount()), 1, List.of(seats.get(1), seats.get(0)), TURN_STARTED);
        hand.dealHoleCards();
        hand.turnStarted = TURN_STARTED;
    }

    private TableView.Turn turnSeenAfter(Duration elapsed, int viewerSeat) {
        Clock clock = Clock.fixed(TURN_STARTED.plus(elapsed), ZoneOffset.UTC);
        return TableSnapshot.of(config, seats, hand, config.stakes(), 1, viewerSeat, clock, "next", false).toAct();
    }

    @Test
    void onTheActionClockTheSnapshotGivesWhatIsLeftOfItAndTheWholeTimeBank() {
        TableView.Turn turn = turnSeenAfter(Duration.ofSeconds(5), -1);

        assertThat(turn.millisLeft()).isEqualTo(15_000);
        assertThat(turn.timeBankMillis()).isEqualTo(30_000);
        assertThat(turn.legal()).as("a spectator never sees the options").isNull();
    }

    /** A page reloaded during the time bank used to count the action clock again, then the whole bank. */
    @Test
    void inTheTimeBankTheActionClockIsSpentAndTheBankShowsWhatIsLeftOfIt() {
        hand.inTimeBank = true; // the action clock ran out; the bank started at TURN_STARTED
        int actor = hand.hand.actor().getAsInt();

        TableView.Turn turn = turnSeenAfter(Duration.ofSeconds(12), actor);

        assertThat(turn.millisLeft()).isZero();
        assertThat(turn.timeBankMillis()).isEqualTo(18_000);
        assertThat(turn.legal()).as("the player to act sees the options").isNotNull();
    }

    /** A sit-and-go's blinds rise by level: a page reloaded at level 2 showed the table's first blinds. */
    @Test
    void theSnapshotGivesTheRunningHandsBlindsAndBetweenHandsTheOnesItIsGiven() {
        HoldemHand higher = HoldemHand.start(new HandSetup(
                List.of(new PlayerSeat(1, Money.parse("50.00")), new PlayerSeat(0, Money.parse("50.00"))),
                Stakes.blinds(Money.parse("1.00"), Money.parse("2.00")), RakeRule.NONE, true, Reopening.FULL_RAISE_ONLY));
        RunningHand running = RunningHand.start(8, higher, new ProvablyFairDeckSource(new SecureRandom()).shuffle(config.id(), 8),
                config, GameRecord.of(higher.setup().stakes(), config.rake(), config.seatCount()), 1,
                List.of(seats.get(1), seats.get(0)), TURN_STARTED);
        Clock clock = Clock.fixed(TURN_STARTED, ZoneOffset.UTC);

        TableView during = TableSnapshot.of(config, seats, running, config.stakes(), 1, -1, clock, "next", true);
        assertThat(List.of(during.smallBlind(), during.bigBlind())).containsExactly(Money.parse("1.00"), Money.parse("2.00"));

        Stakes last = Stakes.blinds(Money.parse("0.25"), Money.parse("0.50"));
        TableView between = TableSnapshot.of(config, seats, null, last, 1, -1, clock, "next", true);
        assertThat(List.of(between.smallBlind(), between.bigBlind())).containsExactly(Money.parse("0.25"), Money.parse("0.50"));
    }
}
