package io.chipledger.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.chipledger.server.game.Card;
import io.chipledger.server.game.eval.HandEvaluator;
import io.chipledger.server.game.eval.HandRanking;
import io.chipledger.server.game.eval.HandValue;
import io.chipledger.server.testing.TestServer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Reading a showdown in the page, run as shipped in Chromium: the page names hands and picks the winning five exactly
 * as the server's evaluator does (hold'em and Omaha), names the kicker that decided, and draws a showdown with the
 * winner highlighted, the five cards outlined and a split pot as one line with each share.
 */
class ShowdownReadingTest {

    @RegisterExtension
    static final TestServer server = TestServer.forEachTestClass().withBrowser();
    private static Page page;

    @BeforeAll
    static void openThePage() {
        page = server.chromium().newPage();
        page.navigate(server.http() + "/");
    }

    @Test
    void thePageNamesEveryHandAndPicksTheSameFiveAsTheServer() {
        Random random = new Random(19);
        List<List<String>> holes = new ArrayList<>();
        List<List<String>> boards = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            List<Card> deck = new ArrayList<>();
            for (int c = 0; c < 52; c++) {
                deck.add(Card.of(c));
            }
            Collections.shuffle(deck, random);
            boolean omaha = i % 3 == 2;
            List<Card> hole = deck.subList(0, omaha ? 4 : 2);
            List<Card> board = deck.subList(4, 4 + 3 + i % 3);
            HandValue value = omaha ? HandRanking.OMAHA.describe(hole, board) : HandEvaluator.describe(concat(hole, board));
            holes.add(hole.stream().map(Card::toString).toList());
            boards.add(board.stream().map(Card::toString).toList());
            expected.add(value.name() + " | " + String.join(" ", value.bestFive().stream().map(Card::toString).toList()));
        }
        @SuppressWarnings("unchecked")
        List<String> read = (List<String>) page.evaluate("""
                async ([holes, boards]) => {
                  const { readHand } = await import('/js/state/hand-reader.js');
                  return holes.map((hole, i) => { const v = readHand(hole, boards[i]); return v.name + ' | ' + v.five.join(' '); });
                }""", List.of(holes, boards));
        for (int i = 0; i < expected.size(); i++) {
            assertThat(read.get(i)).as("hole %s, board %s", holes.get(i), boards.get(i)).isEqualTo(expected.get(i));
        }
    }

    @Test
    void theKickerIsNamedWhenItDecidedAndOnlyThen() {
        @SuppressWarnings("unchecked")
        Map<String, Object> named = (Map<String, Object>) page.evaluate("""
                async () => {
                  const { readHand, nameAgainst } = await import('/js/state/hand-reader.js');
                  const board = ['Kd', 'Kc', '7h', '4s', '2d'];
                  const against = (a, b, onBoard = board) => nameAgainst(readHand(a, onBoard), readHand(b, onBoard));
                  return {
                    kicker: against(['Ah', '9c'], ['Qh', 'Jc']),
                    pairBeatsPair: against(['7c', '3d'], ['Ah', 'Qc']),
                    higherPair: against(['Ac', 'Ad'], ['Qs', 'Qd']),
                    twoPairKicker: against(['Ah', '2c'], ['Qh', '2s'], ['Kd', 'Kc', '7h', '7s', '2d']),
                  };
                }""");
        assertThat(named).containsEntry("kicker", "a pair of Kings, Ace kicker")
                .containsEntry("pairBeatsPair", "two pair, Kings and Sevens")
                .containsEntry("higherPair", "two pair, Aces and Kings")
                .containsEntry("twoPairKicker", "two pair, Kings and Sevens, Ace kicker");
    }

    @Test
    void aShowdownIsDrawnWithTheWinnerTheWinningFiveAndTheKicker() {
        @SuppressWarnings("unchecked")
        Map<String, Object> drawn = (Map<String, Object>) page.evaluate("""
                async () => {
                  const { TableModel } = await import('/js/state/table-model.js');
                  const { renderFelt } = await import('/js/views/table-felt.js');
                  const m = new TableModel(1, 'bob');
                  m.applySnapshot(10, { name: 'T', smallBlind: '0.50', bigBlind: '1.00', minBuyIn: '20.00', maxBuyIn: '100.00',
                    seatCount: 6, handId: 3, button: 0, board: ['Kd', 'Kc', '7h', '4s', '2d'], pots: [{ amount: '10.00', eligibleSeats: [0, 1] }],
                    seats: [
                      { seat: 0, player: 'alice', stack: '45.00', bet: '0.00', status: 'ACTIVE', holeCards: null },
                      { seat: 1, player: 'bob', stack: '45.00', bet: '0.00', status: 'ACTIVE', holeCards: ['Qh', 'Jc'] }] });
                  m.applyEvent(11, { type: 'cardsShown', seat: 0, cards: ['Ah', '9c'], handName: 'a pair of Kings' });
                  m.applyEvent(12, { type: 'cardsShown', seat: 1, cards: ['Qh', 'Jc'], handName: 'a pair of Kings' });
                  m.applyEvent(13, { type: 'potAwarded', pot: 0, seat: 0, amount: '10.00', oddCent: false, handName: 'a pair of Kings', stack: '55.00' });
                  m.applyEvent(14, { type: 'handEnded', handId: 3 });
                  const felt = document.createElement('div');
                  renderFelt(felt, m, {});
                  return {
                    result: felt.querySelector('#results').textContent,
                    winners: [...felt.querySelectorAll('.seat.winner')].map(s => s.dataset.player).join(' '),
                    best: [...felt.querySelectorAll('.card.best')].map(c => c.dataset.card).sort().join(' '),
                  };
                }""");
        assertThat(drawn).containsEntry("result", "alice wins the main pot 10.00 with a pair of Kings, Ace kicker")
                .containsEntry("winners", "alice")
                .containsEntry("best", "7h 9c Ah Kc Kd");
    }

    @Test
    void aSplitPotIsOneLineWithEachShareOnTheFeltAndInTheLog() {
        @SuppressWarnings("unchecked")
        Map<String, Object> drawn = (Map<String, Object>) page.evaluate("""
                async () => {
                  const { TableModel } = await import('/js/state/table-model.js');
                  const { renderFelt } = await import('/js/views/table-felt.js');
                  const { ChatPanel } = await import('/js/views/chat-panel.js');
                  const m = new TableModel(1, 'bob');
                  const log = new ChatPanel(() => {});
                  m.applySnapshot(10, { name: 'T', smallBlind: '0.50', bigBlind: '1.00', minBuyIn: '20.00', maxBuyIn: '100.00',
                    seatCount: 6, handId: 3, button: 0, board: ['Kd', 'Kc', '7h', '4s', '2d'], pots: [{ amount: '3.01', eligibleSeats: [0, 1] }],
                    seats: [
                      { seat: 0, player: 'alice', stack: '45.00', bet: '0.00', status: 'ACTIVE', holeCards: null },
                      { seat: 1, player: 'bob', stack: '45.00', bet: '0.00', status: 'ACTIVE', holeCards: ['Ah', '9d'] }] });
                  const apply = (seq, event) => { m.applyEvent(seq, event); log.event(event, seq, m); };
                  apply(11, { type: 'cardsShown', seat: 0, cards: ['As', '9c'], handName: 'a pair of Kings' });
                  apply(12, { type: 'cardsShown', seat: 1, cards: ['Ah', '9d'], handName: 'a pair of Kings' });
                  apply(13, { type: 'potAwarded', pot: 0, seat: 0, amount: '1.51', oddCent: true, handName: 'a pair of Kings', stack: '46.51' });
                  apply(14, { type: 'potAwarded', pot: 0, seat: 1, amount: '1.50', oddCent: false, handName: 'a pair of Kings', stack: '46.50' });
                  apply(15, { type: 'handEnded', handId: 3 });
                  const felt = document.createElement('div');
                  renderFelt(felt, m, {});
                  return {
                    felt: felt.querySelector('#results').textContent,
                    log: [...log.list.querySelectorAll('li.potAwarded')].map(li => li.textContent).join(' | '),
                    winners: [...felt.querySelectorAll('.seat.winner')].map(s => s.dataset.player).join(' '),
                  };
                }""");
        assertThat(drawn).containsEntry("felt", "The main pot 3.01 is split: alice 1.51 +odd cent, bob 1.50 with a pair of Kings")
                .containsEntry("log", "The main pot 3.01 is split: alice 1.51 (including the odd cent), bob 1.50 with a pair of Kings")
                .containsEntry("winners", "alice bob");
    }

    @Test
    void thePlayersOwnHandIsNamedWhileItIsPlayed() {
        String shown = (String) page.evaluate("""
                async () => {
                  const { TableModel } = await import('/js/state/table-model.js');
                  const { renderFelt } = await import('/js/views/table-felt.js');
                  const m = new TableModel(1, 'bob');
                  m.applySnapshot(10, { name: 'T', smallBlind: '0.50', bigBlind: '1.00', minBuyIn: '20.00', maxBuyIn: '100.00',
                    seatCount: 6, handId: 3, button: 0, board: ['6d', 'Kc', '2h'], pots: [{ amount: '2.00', eligibleSeats: [0, 1] }],
                    seats: [
                      { seat: 0, player: 'alice', stack: '45.00', bet: '0.00', status: 'ACTIVE', holeCards: null },
                      { seat: 1, player: 'bob', stack: '45.00', bet: '0.00', status: 'ACTIVE', holeCards: ['6h', 'Jc'] }] });
                  const felt = document.createElement('div');
                  renderFelt(felt, m, {});
                  return felt.querySelector('#my-hand').textContent + ' | ' + felt.querySelector('#my-hand').title;
                }""");
        assertThat(shown).isEqualTo("pair of Sixes | a pair of Sixes");
    }

    private static List<Card> concat(List<Card> a, List<Card> b) {
        List<Card> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
