package io.chipledger.server.table;

import io.chipledger.ledger.Posting;
import io.chipledger.ledger.PostingResult;
import io.chipledger.ledger.RejectReason;
import io.chipledger.money.Money;
import io.chipledger.protocol.ClientMessage;
import io.chipledger.protocol.ErrorCode;
import io.chipledger.protocol.TableEvent;
import io.chipledger.server.account.Player;
import io.chipledger.server.game.holdem.HandCommand;
import io.chipledger.server.game.holdem.HandEvent;
import io.chipledger.server.game.holdem.HandSetup;
import io.chipledger.server.game.holdem.HoldemHand;
import io.chipledger.server.game.holdem.PlayerSeat;
import io.chipledger.server.game.holdem.Reopening;
import io.chipledger.server.game.holdem.Stakes;
import io.chipledger.server.history.record.GameRecord;
import io.chipledger.server.history.record.HandHistory;
import io.chipledger.server.metrics.GameMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hand's life cycle: deals a hand once enough players are ready, plays each command (a player's, or the clock's
 * for them) through the engine, posts its chips and tells what happened once they committed, and ends the hand:
 * settled (its record stored, then the leavers' stacks sent home) or voided (every chip back on its seat).
 */
final class Croupier {

    private static final Logger log = LoggerFactory.getLogger(Croupier.class);
    private static final int POT_AVERAGE_HANDS = 50;

    private final TableState table;
    private final TableConfig config;
    private final TurnClock turnClock;
    private final Departures departures;
    private final Rebuys rebuys;
    private final HandChips chips;
    private final TableServices services;
    private final CommandTimer timers;
    private final Clock clock;
    private final GameMetrics metrics;
    private final Duration pauseBetweenHands;
    private final PotAverage potAverage = new PotAverage(POT_AVERAGE_HANDS);
    private boolean handScheduled;

    Croupier(TableState table, TurnClock turnClock, Departures departures, Rebuys rebuys, HandChips chips,
             TableServices services, CommandTimer timers, Duration pauseBetweenHands) {
        this.table = table;
        this.config = table.config;
        this.turnClock = turnClock;
        this.departures = departures;
        this.rebuys = rebuys;
        this.chips = chips;
        this.services = services;
        this.timers = timers;
        this.clock = services.clock();
        this.metrics = services.metrics();
        this.pauseBetweenHands = pauseBetweenHands;
    }

    /** The average pot of the table's recent hands, for the lobby. */
    Money averagePot() {
        return potAverage.average();
    }

    /** Deals the next hand after the pause between hands, if none is running or due and two players are ready. */
    void dealIfReady() {
        if (table.hand == null && !handScheduled && table.dealsNewHands() && table.seats.ready().size() >= 2
                && (!table.playsATournament() || table.tournament.playersArrived())) {
            handScheduled = true;
            timers.after(pauseBetweenHands, this::startHand);
        }
    }

    private CompletionStage<Outcome> startHand() {
        handScheduled = false;
        if (table.hand != null || !table.dealsNewHands() || table.seats.ready().size() < 2) {
            return Outcome.none().now();
        }
        return services.hands().open(config.id()).thenApply(handId -> {
            Stakes stakes = table.playsATournament() ? table.tournament.stakesForNextHand(clock.instant()) : config.stakes();
            DealingOrder.Deal deal = DealingOrder.next(table.seats, table.button, stakes.hasStraddle());
            table.button = deal.button();
            List<Seat> dealtIn = deal.dealtIn();
            DealingOrder.leftOut(table.seats, dealtIn);
            List<PlayerSeat> players = dealtIn.stream()
                    .map(s -> new PlayerSeat(s.number, s.stack, deal.posting().contains(s))).toList();
            HoldemHand engine = HoldemHand.start(new HandSetup(players, stakes, config.rake(), true,
                    Reopening.FULL_RAISE_ONLY, config.variant()));
            DeckSource.ShuffledDeck shuffled = services.decks().shuffle(config.id(), handId);
            metrics.handsStarted.increment();
            GameRecord game = GameRecord.of(config.variant(), stakes, config.rake(), config.seatCount());
            if (table.playsATournament()) {
                game = game.inTournament(table.tournament.record());
            }
            RunningHand hand = RunningHand.start(handId, engine, shuffled, config, game, table.button, dealtIn, clock.instant());
            table.hand = hand;
            List<HandEvent> opening = new ArrayList<>(engine.events());
            opening.addAll(hand.dealHoleCards());
            return Outcome.published(new TableEvent.HandStarted(handId, table.button, dealtIn.stream().map(s -> s.number).toList(),
                    shuffled.commitment(), shuffled.nextCommitment(), stakes.smallBlind(), stakes.bigBlind()))
                    .then(() -> saveProgress(hand).thenCompose(v -> commit(opening, false)));
        });
    }

    /** A player's action: checked (their seat, their turn, this hand, a legal amount), acknowledged, then played. */
    CompletionStage<Outcome> act(Player player, ClientMessage.Act act) {
        ActionRequests.Verdict verdict = ActionRequests.verify(table, player, act);
        if (!verdict.accepted()) {
            return verdict.answer().now();
        }
        turnClock.charge(verdict.seat());
        verdict.seat().carriedOut(act);
        metrics.actions.increment();
        return Outcome.done(act.requestId()).then(() -> play(verdict.command(), false)).now();
    }

    /** The clock of a turn ran out: the time bank starts, or the clock plays the turn. */
    private CompletionStage<Outcome> turnExpired(long handId, int turn) {
        HandCommand command = turnClock.expired(handId, turn, this::turnExpired);
        if (command == null) {
            return Outcome.none().now();
        }
        metrics.actions.increment();
        metrics.actionsTimedOut.increment();
        return play(command, true);
    }

    /**
     * A player gives up the seat (they left, were kicked, or stayed away too long): folded at once if it is their
     * turn, and cashed out now if they are not in the hand, else after it.
     */
    CompletionStage<Outcome> standUp(Seat seat) {
        if (table.playsATournament()) {
            return sitOutForGood(seat);
        }
        seat.leaving = true;
        return table.inHand(seat) ? playAbsentTurn() : departures.cashOut(seat);
    }

    /**
     * A tournament player's chips cannot leave the table: one who leaves, or stays away too long, sits out and is
     * blinded off (their turns checked or folded at once) until they come back or lose their chips.
     */
    private CompletionStage<Outcome> sitOutForGood(Seat seat) {
        seat.leaving = false;
        Outcome satOut = Outcome.none();
        if (!seat.sittingOut) {
            seat.sittingOut = true;
            satOut = Outcome.published(new TableEvent.SatOut(seat.number));
        }
        return satOut.then(this::playAbsentTurn).now();
    }

    /** A leaving (or a tournament's sitting-out) player's turn is played at once: check when free, otherwise fold. */
    private CompletionStage<Outcome> playAbsentTurn() {
        RunningHand hand = table.hand;
        if (hand == null || hand.hand.actor().isEmpty()) {
            return Outcome.none().now();
        }
        Seat seat = table.seats.get(hand.hand.actor().getAsInt());
        if (!seat.playedForAtOnce()) {
            return Outcome.none().now();
        }
        return play(turnClock.autoAction(seat.number), true);
    }

    private CompletionStage<Outcome> play(HandCommand command, boolean timedOut) {
        table.hand.stopClock();
        return commit(table.hand.play(command), timedOut);
    }

    /**
     * Posts the events' chip movements as one posting and tells the events once it committed; then moves the hand on
     * (next turn, or the end of the hand).
     */
    private CompletionStage<Outcome> commit(List<HandEvent> handEvents, boolean timedOut) {
        RunningHand current = table.hand;
        Posting posting = chips.postingFor(current.nextPostingKey(config.id()), current.ref().text(), null, handEvents, table::seatAccount);
        CompletableFuture<PostingResult> committed = posting == null
                ? CompletableFuture.completedFuture(null)
                : current.hand.isComplete() ? draftThenPost(current, handEvents, posting)
                : chips.post(posting);
        return committed.thenCompose(result -> {
            if (result instanceof PostingResult.Rejected refused && refused.reason() == RejectReason.FENCED) {
                // Another node took the table: it voids the hand under its own epoch; this node moves nothing more.
                log.warn("table {} hand {}: refused as FENCED, another node serves the table now", config.id(), current.id);
                return Outcome.none().now();
            }
            if (result != null && !result.accepted()) {
                log.error("table {} hand {}: the ledger refused the hand's chips ({}); voiding the hand", config.id(), current.id, result);
                return voidHand("the ledger refused a movement");
            }
            current.committed(handEvents, result);
            List<Outcome.Output> told = new ArrayList<>();
            for (HandEvent event : handEvents) {
                HandNarrator.Told tale = current.narrator.tell(event, current.hand::pots, current.hand::board, timedOut);
                if (tale != null) {
                    long privatePlayer = tale.privateSeat() < 0 ? EventLog.NOBODY : current.playerAt(tale.privateSeat());
                    told.add(new Outcome.Published(tale.forAll(), privatePlayer, tale.forSeat()));
                }
            }
            Outcome toldNow = new Outcome(told, null);
            return (current.hand.isComplete() ? toldNow.then(this::afterProgress)
                    : toldNow.then(() -> saveProgress(current).thenCompose(v -> afterProgress()))).now();
        });
    }

    /**
     * Keeps the record the hand has so far, before anyone is asked to act on it: a crash from here on voids the hand
     * with its seats, cards and actions on record. A record that fails to store costs only that.
     */
    private CompletionStage<Void> saveProgress(RunningHand hand) {
        HandHistory draft = hand.progress(clock.instant());
        // Only what the records do not keep yet is written; a write that failed is covered by the next one. The count
        // is set on the worker that stored it, but read only by the table's next move: the mailbox's turn waits for
        // this stage, so no two writes of a hand overlap and the next one sees it.
        return services.hands().draftProgress(hand.id, draft, hand.progressEventsKept)
                .thenRun(() -> hand.progressEventsKept = draft.events().size())
                .exceptionally(failure -> {
                    log.warn("table {} hand {}: the hand's progress was not stored", config.id(), hand.id, failure);
                    return null;
                });
    }

    /**
     * Posts the hand's settlement after storing the record the hand will have once it commits, so a crash between
     * the commit and the hand's finish does not lose its cards and actions (CrashRecovery stores the draft). A draft
     * that fails to store costs only that: the settlement goes ahead.
     */
    private CompletableFuture<PostingResult> draftThenPost(RunningHand current, List<HandEvent> settlement, Posting posting) {
        return services.hands().draftSettlement(current.id, current.settlementDraft(settlement, clock.instant()))
                .exceptionally(failure -> {
                    log.warn("table {} hand {}: the settlement draft was not stored", config.id(), current.id, failure);
                    return null;
                })
                .thenCompose(v -> chips.post(posting));
    }

    private CompletionStage<Outcome> afterProgress() {
        if (table.hand.hand.isComplete()) {
            return finishHand();
        }
        if (table.hand.hand.actor().isPresent()) {
            return turnClock.start(this::turnExpired).then(this::playAbsentTurn).now();
        }
        return Outcome.none().now();
    }

    private CompletionStage<Outcome> finishHand() {
        RunningHand finished = table.hand;
        Money pot = Money.ZERO;
        for (HandEvent event : finished.hand.events()) {
            if (event instanceof HandEvent.HandEnded ended) {
                ended.stacks().forEach(s -> table.seats.get(s.seat()).stack = s.stack());
            } else if (event instanceof HandEvent.PotAwarded award) {
                pot = pot.plus(award.amount());
            } else if (event instanceof HandEvent.RakeTaken rake) {
                pot = pot.plus(rake.amount());
            }
        }
        potAverage.add(pot);
        table.hand = null;
        metrics.handsSettled.increment();
        // The hand ends for the players once its record is stored, so "my hands" lists every hand they saw end. A
        // record that fails to store must not stall the table: the chips are settled, and the next start finds the
        // hand open with its settlement committed and stores it as settled from its draft (CrashRecovery). At a
        // tournament's table the chips the hand left are stored first: a crash from then on resumes from them.
        CompletionStage<Outcome> tournamentNews = table.playsATournament() ? table.tournament.afterHand(finished)
                : Outcome.none().now();
        return tournamentNews.thenCompose(news -> services.hands()
                .finish(finished.id, HandRecords.HandOutcome.SETTLED, finished.settledHistory(clock.instant()))
                .exceptionally(failure -> {
                    log.error("table {} hand {}: the settled hand's record was not stored", config.id(), finished.id, failure);
                    return null;
                })
                .thenApply(v -> {
                    Outcome ended = Outcome.published(new TableEvent.HandEnded(finished.id, finished.serverSeed()));
                    if (table.playsATournament()) {
                        return ended.thenNow(() -> news).thenNow(() -> {
                            dealIfReady();
                            return Outcome.none();
                        });
                    }
                    return ended.then(departures::cashOutLeavers).thenNow(() -> {
                        Outcome offers = rebuys.offerToBusted();
                        dealIfReady();
                        return offers;
                    });
                }));
    }

    /** Stops dealing for good (the server is stopping) and voids the hand in progress, if any. */
    CompletionStage<Outcome> shutdown() {
        table.closing = true;
        return table.hand == null ? Outcome.none().now() : voidHand("the server is shutting down");
    }

    /**
     * Drops the hand in play without voiding it: another node serves the table now, and voids it (every chip back on
     * its seat) under its own epoch; a void posted from here would be refused anyway.
     */
    void abandonHand() {
        RunningHand abandoned = table.hand;
        if (abandoned != null) {
            abandoned.stopClock();
            table.hand = null;
        }
    }

    /**
     * The tournament is over or cancelled: the hand in progress, if any, is voided (every chip back where it was at
     * its start), and the table ends.
     */
    CompletionStage<Outcome> endTournament(String reason) {
        table.closing = true;
        Outcome voided = table.hand == null ? Outcome.none() : Outcome.none().then(() -> voidHand(reason));
        return voided.thenNow(() -> table.tournament.end(reason)).now();
    }

    /** Returns every chip of the current hand to the seat it came from, then ends the hand. */
    private CompletionStage<Outcome> voidHand(String reason) {
        RunningHand voided = table.hand;
        table.hand = null;
        voided.stopClock();
        metrics.handsVoided.increment();
        return chips.voidHand(voided)
                .thenCompose(refunds -> services.hands().finish(voided.id, HandRecords.HandOutcome.VOIDED,
                        voided.voidedHistory(reason, refunds, clock.instant())))
                .thenApply(v -> {
                    table.seats.occupied().forEach(seat -> seat.stack = chips.stackAfterVoid(seat));
                    return Outcome.published(new TableEvent.HandVoided(voided.id, reason));
                });
    }

    /** A seated player's randomness for the table's next deck (docs/provably-fair.md). */
    Outcome setClientSeed(Player player, ClientMessage.SetClientSeed request) {
        Seat seat = table.seats.of(player);
        if (seat == null) {
            return Outcome.refused(request.requestId(), ErrorCode.NOT_SEATED, "only a seated player adds a seed to the deck");
        }
        try {
            if (!services.decks().addClientSeed(config.id(), seat.number, player.name(), request.commitment(), request.seed())) {
                return Outcome.refused(request.requestId(), ErrorCode.ILLEGAL_ACTION, "the commitment is not the table's next "
                        + "deck's: send the seed again with the nextDeckCommitment of the latest handStarted");
            }
        } catch (IllegalArgumentException e) {
            return Outcome.refused(request.requestId(), ErrorCode.BAD_MESSAGE, e.getMessage());
        }
        return Outcome.done(request.requestId());
    }
}
