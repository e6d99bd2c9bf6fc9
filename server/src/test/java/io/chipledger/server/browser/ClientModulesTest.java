package io.chipledger.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.chipledger.server.game.Card;
import io.chipledger.server.game.ClientSeed;
import io.chipledger.server.game.SeededShuffle;
import io.chipledger.server.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The web client's pure modules, run as shipped: each test imports the ES module the server serves into a real
 * Chromium page and checks its results. Money rules first: amounts are exact cents, never floats, never rounded.
 */
class ClientModulesTest {

    @RegisterExtension
    static final TestServer server = TestServer.forEachTestClass().withBrowser();
    private static Page page;

    @BeforeAll
    static void openThePage() {
        page = server.chromium().newPage();
        page.navigate(server.http() + "/");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> run(String script) {
        return (Map<String, Object>) page.evaluate(script);
    }

    @Test
    void typedAmountsBecomeExactCentsAndAnythingFinerOrStrangerIsRefusedNotRounded() {
        Map<String, Object> read = run("""
                async () => {
                  const { readAmount } = await import('/js/money.js');
                  const inputs = ['12.5', '12.50', '12', '12.', '.5', ' 3.10 ', '0.01', '0', '999999999999999.99',
                                  '90071992547409.93', '1.005', '1.000', '0.001', '1e3', '-1', '+1', '1,000', '12.5.1',
                                  '', '  ', 'abc', '0x10', 'Infinity', 'NaN', '١٢', '1000000000000000.00', '.'];
                  const out = {};
                  for (const text of inputs) {
                    const r = readAmount(text);
                    out[text] = r.error ? 'refused: ' + r.error : String(r.cents);
                  }
                  return out;
                }""");
        assertThat(read).containsEntry("12.5", "1250").containsEntry("12.50", "1250").containsEntry("12", "1200")
                .containsEntry("12.", "1200").containsEntry(".5", "50").containsEntry(" 3.10 ", "310")
                .containsEntry("0.01", "1").containsEntry("0", "0")
                .containsEntry("999999999999999.99", "99999999999999999")
                // 2^53 + 1 cents: a double cannot hold it, the page keeps it exact.
                .containsEntry("90071992547409.93", "9007199254740993");
        assertThat((String) read.get("1.005")).startsWith("refused").contains("more than two decimals");
        assertThat((String) read.get("1.000")).startsWith("refused").contains("more than two decimals");
        assertThat((String) read.get("0.001")).startsWith("refused");
        assertThat((String) read.get("1000000000000000.00")).startsWith("refused").contains("too large");
        for (String refused : List.of("1e3", "-1", "+1", "1,000", "12.5.1", "", "  ", "abc", "0x10", "Infinity", "NaN", "١٢", ".")) {
            assertThat((String) read.get(refused)).as("\"%s\"", refused).startsWith("refused");
        }
    }

    @Test
    void centsAreWrittenWithTwoDecimalsForTheWireAndGroupedForPeople() {
        Map<String, Object> written = run("""
                async () => {
                  const m = await import('/js/money.js');
                  return {
                    wire: [0n, 5n, 50n, 1250n, 100000n, -5n, 9007199254740993n].map(m.toWire).join(' '),
                    shown: [0n, 1250n, 100000n, 123456789n, 99999999999999999n, -123456n].map(m.format).join(' '),
                    roundTrip: m.toWire(m.fromWire('12.34') + m.fromWire('0.66')),
                    wireRefusesNumbers: (() => { try { m.fromWire(12.5); return 'accepted'; } catch (e) { return 'refused'; } })(),
                    wireRefusesFractions: (() => { try { m.fromWire('0.001'); return 'accepted'; } catch (e) { return 'refused'; } })(),
                  };
                }""");
        assertThat(written).containsEntry("wire", "0.00 0.05 0.50 12.50 1000.00 -0.05 90071992547409.93")
                .containsEntry("shown", "0.00 12.50 1,000.00 1,234,567.89 999,999,999,999,999.99 -1,234.56")
                .containsEntry("roundTrip", "13.00")
                .containsEntry("wireRefusesNumbers", "refused")
                .containsEntry("wireRefusesFractions", "refused");
    }

    @Test
    void noModuleParsesMoneyAsAFloatingPointNumber() throws IOException {
        Path web = Path.of("..", "web-client", "src", "main", "resources", "web");
        try (Stream<Path> files = Files.walk(web)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".js")).toList()) {
                String source = Files.readString(file);
                assertThat(source).as(file.toString()).doesNotContain("parseFloat").doesNotContain("toFixed(2)");
            }
        }
        assertThat(Files.readString(web.resolve("js/money.js"))).doesNotContain("Number(").doesNotContain("parseInt");
    }

    @Test
    void aPauseToldAheadShowsAtOnceAndLeavesTheSequenceToTheNumberedEvents() {
        Map<String, Object> told = run("""
                async () => {
                  const { TableModel, Applied } = await import('/js/state/table-model.js');
                  const model = new TableModel(1, 'alice');
                  model.applySnapshot(7, {
                    name: 'T', smallBlind: '0.50', bigBlind: '1.00', minBuyIn: '20.00', maxBuyIn: '100.00', seatCount: 6,
                    handId: 3, button: 0, board: [], pots: [],
                    seats: [{ seat: 0, player: 'alice', stack: '100.00', bet: '0.00', status: 'ACTIVE', holeCards: null }] });
                  const reason = 'the database is unavailable; no new hand until it is back';
                  model.noticeAhead({ type: 'tablePaused', reason });
                  const ahead = model.notice?.text + ' @' + model.seq;
                  const numbered = model.applyEvent(8, { type: 'tablePaused', reason }) === Applied.APPLIED;
                  const resumed = model.applyEvent(9, { type: 'tableResumed' }) === Applied.APPLIED;
                  return { ahead, numbered: String(numbered), resumed: String(resumed && model.notice === null) };
                }""");
        assertThat(told).containsEntry("ahead", "Dealing is paused: the database is unavailable; no new hand until it is back @7")
                .containsEntry("numbered", "true").containsEntry("resumed", "true");
    }

    @Test
    void aRaiseIsCheckedAgainstTheLegalRangeAndThePresetsStayInsideIt() {
        Map<String, Object> checked = run("""
                async () => {
                  const { checkRaise, presets } = await import('/js/views/action-bar.js');
                  const { TableModel } = await import('/js/state/table-model.js');
                  const legal = { canCheck: false, call: 100n, minRaiseTo: 400n, maxRaiseTo: 10000n };
                  const text = r => r.error ? 'refused: ' + r.error : String(r.cents);
                  const model = new TableModel(1, 'alice');
                  model.applySnapshot(7, {
                    name: 'T', smallBlind: '0.50', bigBlind: '1.00', minBuyIn: '20.00', maxBuyIn: '100.00', seatCount: 6,
                    handId: 3, button: 0, board: [], pots: [{ amount: '3.00', eligibleSeats: [0, 1] }],
                    seats: [
                      { seat: 0, player: 'alice', stack: '100.00', bet: '1.00', status: 'ACTIVE', holeCards: ['As', 'Kd'] },
                      { seat: 1, player: 'bob', stack: '98.00', bet: '2.00', status: 'ACTIVE', holeCards: null }],
                    toAct: { seat: 0, millisLeft: 20000, timeBankMillis: 30000,
                             legal: { canCheck: false, call: '1.00', minRaiseTo: '3.00', maxRaiseTo: '101.00' } } });
                  const p = presets(model, model.myTurn.legal);
                  return {
                    fine: text(checkRaise('4', legal, false)),
                    finer: text(checkRaise('4.005', legal, false)),
                    low: text(checkRaise('3.99', legal, false)),
                    lowBet: text(checkRaise('1', legal, true)),
                    high: text(checkRaise('100.01', legal, false)),
                    // pot 3.00 + bets 3.00 = 6.00; to call 1.00; pot-sized raise to 2.00 + 6.00 + 1.00 = 9.00
                    half: String(p.half), pot: String(p.pot), allIn: String(p.allIn),
                  };
                }""");
        assertThat(checked).containsEntry("fine", "400").containsEntry("half", "550").containsEntry("pot", "900")
                .containsEntry("allIn", "10100");
        assertThat((String) checked.get("finer")).contains("more than two decimals");
        assertThat((String) checked.get("low")).isEqualTo("refused: a raise must be to at least 4.00");
        assertThat((String) checked.get("lowBet")).isEqualTo("refused: a bet must be to at least 4.00");
        assertThat((String) checked.get("high")).startsWith("refused: a raise can be to at most 100.00");
    }

    @Test
    void atASitAndGosTableAmountsAreShownAndTypedAsWholeTournamentChipsNotAsHundredths() {
        Map<String, Object> chips = run("""
                async () => {
                  const { amountsOf } = await import('/js/money.js');
                  const { checkRaise } = await import('/js/views/action-bar.js');
                  const { describe } = await import('/js/views/hand-log.js');
                  const { TableModel } = await import('/js/state/table-model.js');
                  const model = new TableModel(1, 'alice');
                  model.applySnapshot(7, {
                    name: 'Turbo #4', smallBlind: '0.10', bigBlind: '0.20', minBuyIn: '45.00', maxBuyIn: '45.00',
                    seatCount: 3, handId: null, button: -1, board: [], pots: [], tournamentChips: true,
                    seats: [{ seat: 0, player: 'alice', stack: '15.00', bet: '0.00', status: 'WAITING', holeCards: null }] });
                  const cash = new TableModel(2, 'alice');
                  cash.applySnapshot(1, { name: 'Oak', smallBlind: '0.50', bigBlind: '1.00', minBuyIn: '20.00',
                    maxBuyIn: '100.00', seatCount: 6, handId: null, button: -1, board: [], pots: [], seats: [] });
                  const chips = amountsOf(model.config);
                  const legal = { canCheck: false, call: 20n, minRaiseTo: 40n, maxRaiseTo: 150000n };
                  const text = r => r.error ? 'refused: ' + r.error : String(r.cents);
                  return {
                    stack: chips.format(model.seat(0).stack),
                    big: chips.format(123456789n),
                    typed: text(chips.read('1500')),
                    fraction: text(chips.read('15.5')),
                    filled: chips.text(1500n),
                    raise: text(checkRaise('60', legal, false, 'all-in', chips)),
                    low: text(checkRaise('30', legal, false, 'all-in', chips)),
                    logged: describe({ type: 'blindPosted', seat: 0, kind: 'BIG_BLIND', amount: '0.20' }, model),
                    cash: amountsOf(cash.config).format(1500n),
                  };
                }""");
        assertThat(chips).containsEntry("stack", "1,500").containsEntry("big", "123,456,789")
                .containsEntry("typed", "1500").containsEntry("filled", "1500").containsEntry("raise", "60")
                .containsEntry("low", "refused: a raise must be to at least 40")
                .containsEntry("logged", "alice posts the big blind 20").containsEntry("cash", "15.00");
        assertThat((String) chips.get("fraction")).startsWith("refused").contains("whole chips");
    }

    @Test
    void theTableModelAppliesEventsInSequenceAndNamesEveryPotsWinnerAndTheOddCent() {
        Map<String, Object> told = run("""
                async () => {
                  const { TableModel } = await import('/js/state/table-model.js');
                  const { renderFelt } = await import('/js/views/table-felt.js');
                  const { describe } = await import('/js/views/hand-log.js');
                  const m = new TableModel(1, 'bob');
                  m.applySnapshot(10, {
                    name: 'T', smallBlind: '0.05', bigBlind: '0.10', minBuyIn: '2.00', maxBuyIn: '10.00', seatCount: 3,
                    handId: null, button: -1, board: [], pots: [], toAct: null,
                    seats: [
                      { seat: 0, player: 'alice', stack: '5.00', bet: '0.00', status: 'ACTIVE', holeCards: null },
                      { seat: 1, player: 'bob', stack: '5.00', bet: '0.00', status: 'ACTIVE', holeCards: null },
                      { seat: 2, player: 'carol', stack: '0.55', bet: '0.00', status: 'ACTIVE', holeCards: null }] });
                  const log = [];
                  const apply = (seq, event) => {
                    const result = m.applyEvent(seq, event, 0);
                    if (result === 'applied') { const line = describe(event, m); if (line) log.push(line); }
                    return result;
                  };
                  const results = [];
                  results.push(apply(11, { type: 'handStarted', handId: 4, button: 0, seatsDealtIn: [0, 1, 2], deckCommitment: 'x' }));
                  results.push(apply(13, { type: 'blindPosted', seat: 1, kind: 'SMALL_BLIND', amount: '0.05', stack: '4.95' }));
                  results.push(apply(11, { type: 'handStarted', handId: 4, button: 0, seatsDealtIn: [0, 1, 2], deckCommitment: 'x' }));
                  apply(12, { type: 'blindPosted', seat: 1, kind: 'SMALL_BLIND', amount: '0.05', stack: '4.95' });
                  apply(13, { type: 'blindPosted', seat: 2, kind: 'BIG_BLIND', amount: '0.10', stack: '0.45' });
                  apply(14, { type: 'holeCardsDealt', seat: 1, cards: ['Ah', 'Ad'] });
                  apply(15, { type: 'holeCardsDealt', seat: 0, cards: null });
                  apply(16, { type: 'turnStarted', turn: { seat: 0, millisLeft: 20000, timeBankMillis: 30000, legal: null } });
                  apply(17, { type: 'playerActed', seat: 0, action: 'RAISE', amount: '1.00', streetTotal: '1.00', stack: '4.00', allIn: false, timedOut: false });
                  apply(18, { type: 'playerActed', seat: 1, action: 'CALL', amount: '0.95', streetTotal: '1.00', stack: '4.00', allIn: false, timedOut: false });
                  apply(19, { type: 'playerActed', seat: 2, action: 'CALL', amount: '0.45', streetTotal: '0.55', stack: '0.00', allIn: true, timedOut: false });
                  const potBeforeFlop = String(m.potTotal);
                  apply(20, { type: 'uncalledBetReturned', seat: 0, amount: '0.00', stack: '4.00' });
                  apply(21, { type: 'streetDealt', street: 'FLOP', cards: ['2c', '7d', '9h'], board: ['2c', '7d', '9h'],
                              pots: [{ amount: '1.65', eligibleSeats: [0, 1, 2] }, { amount: '0.90', eligibleSeats: [0, 1] }] });
                  apply(22, { type: 'cardsShown', seat: 1, cards: ['Ah', 'Ad'], handName: 'a pair of Aces' });
                  apply(23, { type: 'cardsShown', seat: 0, cards: ['As', 'Ac'], handName: 'a pair of Aces' });
                  apply(24, { type: 'potAwarded', pot: 0, seat: 0, amount: '0.83', oddCent: true, handName: 'a pair of Aces', stack: '4.83' });
                  apply(25, { type: 'potAwarded', pot: 0, seat: 1, amount: '0.82', oddCent: false, handName: 'a pair of Aces', stack: '4.82' });
                  apply(26, { type: 'potAwarded', pot: 1, seat: 0, amount: '0.45', oddCent: false, handName: 'a pair of Aces', stack: '5.28' });
                  apply(27, { type: 'potAwarded', pot: 1, seat: 1, amount: '0.45', oddCent: false, handName: 'a pair of Aces', stack: '5.27' });
                  const potAfterAwards = String(m.potTotal);
                  apply(28, { type: 'handEnded', handId: 4 });
                  const felt = document.createElement('div');
                  renderFelt(felt, m, {});
                  return {
                    results: results.join(' '), seq: m.seq, potBeforeFlop, potAfterAwards,
                    stacks: [0, 1, 2].map(s => String(m.seat(s).stack)).join(' '),
                    myCards: m.seat(1).cards.join(' '), othersCards: String(m.seat(0).cards),
                    log: log.join('\\n'),
                    awards: [...felt.querySelectorAll('#results .award')].map(li => li.textContent).join('\\n'),
                    oddCentMarks: felt.querySelectorAll('#results [data-odd-cent="true"] .odd-cent').length,
                    shownNames: [...felt.querySelectorAll('.hand-name')].map(e => e.textContent).join(' / '),
                  };
                }""");
        assertThat(told.get("results")).as("in order, a gap, a duplicate").isEqualTo("applied gap duplicate");
        assertThat(told).containsEntry("seq", 28).containsEntry("potBeforeFlop", "255").containsEntry("potAfterAwards", "0")
                .containsEntry("stacks", "528 527 0").containsEntry("myCards", "Ah Ad").containsEntry("othersCards", "null")
                .containsEntry("oddCentMarks", 1).containsEntry("shownNames", "a pair of Aces / a pair of Aces");
        assertThat((String) told.get("log")).contains(
                "alice raises to 1.00",
                "carol calls 0.45 (all-in)",
                "bob shows A♥ A♦: a pair of Aces",
                "The main pot 1.65 is split: alice 0.83 (including the odd cent), bob 0.82 with a pair of Aces",
                "Side pot 1 0.90 is split: alice 0.45, bob 0.45 with a pair of Aces");
        // A split pot is one line with each share, never two winners of the whole pot (issue 19).
        assertThat((String) told.get("awards")).isEqualTo(String.join("\n",
                "The main pot 1.65 is split: alice 0.83 +odd cent, bob 0.82 with a pair of Aces",
                "Side pot 1 0.90 is split: alice 0.45, bob 0.45 with a pair of Aces"));
    }

    @Test
    void thePageDerivesTheSameDeckAsTheServerAndTheDocumentsReferenceValues() {
        byte[] seed = new byte[32];
        for (int i = 0; i < seed.length; i++) {
            seed[i] = (byte) i;
        }
        List<ClientSeed> clientSeeds = List.of(new ClientSeed(3, "ünïcode-seed"), new ClientSeed(0, "abc"));
        String server = java.util.Arrays.stream(SeededShuffle.order(seed, 4_000_000_007L, clientSeeds))
                .mapToObj(i -> Card.of(i).toString()).collect(java.util.stream.Collectors.joining(" "));
        Map<String, Object> derived = run("""
                async () => {
                  const fair = await import('/js/fair-deck.js');
                  const seed = Array.from({ length: 32 }, (_, i) => i.toString(16).padStart(2, '0')).join('');
                  const bytes = new Uint8Array(32).map((_, i) => i);
                  return {
                    commitment: await fair.sha256Hex(bytes),
                    reference: (await fair.deckOrder(seed, 1, [])).slice(0, 10).join(' '),
                    withSeeds: (await fair.deckOrder(seed, 4000000007, [{ seat: 3, seed: 'ünïcode-seed' }, { seat: 0, seed: 'abc' }])).join(' '),
                  };
                }""");
        // The values docs/provably-fair.md prints from its Python reference.
        assertThat(derived).containsEntry("commitment", "630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd")
                .containsEntry("reference", "Kd 4s 9h 8d As 6s 7h Qs Qc 6d")
                .containsEntry("withSeeds", server);
        assertThat(SeededShuffle.commitment(seed)).isEqualTo(derived.get("commitment"));
    }

    @Test
    void thePageChecksAPotLimitOmahaHandByFourHoleCardsASeat() {
        // The document's reference deck for seed 00 01 .. 1f and hand 1 starts Kd 4s 9h 8d As 6s 7h Qs Qc 6d: the first
        // player listed gets the first four cards and the second the next four, which they show.
        Map<String, Object> checked = run("""
                async () => {
                  const fair = await import('/js/fair-deck.js');
                  const seed = Array.from({ length: 32 }, (_, i) => i.toString(16).padStart(2, '0')).join('');
                  const hand = (variant) => ({
                    handId: 1,
                    game: { variant },
                    deck: { scheme: 'chipledger-deck-v1', serverSeed: seed,
                            commitment: '630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd', clientSeeds: [] },
                    events: [
                      { type: 'holeCardsDealt', seat: 0, cards: ['Kd', '4s', '9h', '8d'] },
                      { type: 'holeCardsDealt', seat: 1, cards: null },
                      { type: 'handShown', seat: 1, cards: ['As', '6s', '7h', 'Qs'] },
                    ],
                  });
                  const omaha = await fair.verifyHand(hand('PLO'));
                  const asHoldem = await fair.verifyHand(hand('NLHE'));
                  return { omaha: `${omaha.ok} ${omaha.checked}`, asHoldem: `${asHoldem.ok}` };
                }""");
        assertThat(checked).containsEntry("omaha", "true 4").containsEntry("asHoldem", "false");
    }
}
