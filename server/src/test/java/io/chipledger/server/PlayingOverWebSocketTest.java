package io.chipledger.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.chipledger.ledger.audit.AuditReport;
import io.chipledger.money.Money;
import io.chipledger.protocol.ActionKind;
import io.chipledger.protocol.ClientMessage;
import io.chipledger.protocol.ServerMessage;
import io.chipledger.protocol.TableEvent;
import io.chipledger.protocol.TableView;
import io.chipledger.server.bot.PokerClient;
import io.chipledger.server.testing.TestServer;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two players register, buy in, play hands to the end and cash out over real loopback WebSockets against the real
 * embedded PostgreSQL; what they were told must match the ledger to the cent, and the audit must be clean.
 */
class PlayingOverWebSocketTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    @RegisterExtension
    static final TestServer live = TestServer.forEachTestClass();
    private static long tableId;

    @BeforeAll
    static void openTable() {
        tableId = live.openTable("Test", 6);
    }

    private Money wallet(String name) {
        return live.wallet(name);
    }

    /** Plays one decision: call when facing a bet, otherwise check (a passive bot that reaches showdown). */
    private static void callOrCheck(PokerClient client, long handId, TableView.Turn turn) {
        TableView.LegalActions legal = turn.legal();
        ActionKind action = legal.canCheck() ? ActionKind.CHECK : ActionKind.CALL;
        client.send(id -> new ClientMessage.Act(id, tableId, handId, action, null));
    }

    /** The table as alice hears it; bob plays his turns as alice sees them come. */
    private final class Table {
        final Money[] stacks = {Money.parse("100.00"), Money.parse("80.00")};
        final Money[] cashedOut = new Money[2];
        long handId = -1;
        int handsEnded;

        void follow(PokerClient alice, PokerClient bob) throws InterruptedException {
            ServerMessage message = alice.next(WAIT);
            assertThat(message).as("alice hears the table").isNotNull();
            if (!(message instanceof ServerMessage.Event event)) {
                return;
            }
            TableEvent e = event.event();
            if (e instanceof TableEvent.HandStarted started) {
                handId = started.handId();
            } else if (e instanceof TableEvent.TurnStarted turn && turn.turn().seat() == 0) {
                assertThat(turn.turn().legal()).as("alice sees her own legal actions").isNotNull();
                callOrCheck(alice, handId, turn.turn());
            } else if (e instanceof TableEvent.TurnStarted turn && turn.turn().seat() == 1) {
                assertThat(turn.turn().legal()).as("alice never sees bob's options").isNull();
                ServerMessage bobsTurn = bob.await(m -> m instanceof ServerMessage.Event be && be.seq() == event.seq(), WAIT);
                callOrCheck(bob, handId, ((TableEvent.TurnStarted) ((ServerMessage.Event) bobsTurn).event()).turn());
            } else if (e instanceof TableEvent.HoleCardsDealt dealt) {
                assertThat(dealt.cards() == null).as("alice sees only her own hole cards").isEqualTo(dealt.seat() != 0);
            } else if (e instanceof TableEvent.PotAwarded award) {
                stacks[award.seat()] = award.stack();
            } else if (e instanceof TableEvent.PlayerActed acted) {
                stacks[acted.seat()] = acted.stack();
            } else if (e instanceof TableEvent.BlindPosted blind) {
                stacks[blind.seat()] = blind.stack();
            } else if (e instanceof TableEvent.UncalledBetReturned returned) {
                stacks[returned.seat()] = returned.stack();
            } else if (e instanceof TableEvent.SeatLeft left) {
                assertThat(left.cashedOut()).as("cashed out what the table showed").isEqualTo(stacks[left.seat()]);
                cashedOut[left.seat()] = left.cashedOut();
            } else if (e instanceof TableEvent.HandEnded) {
                handsEnded++;
            }
        }
    }

    @Test
    void twoPlayersBuyInPlayHandsToShowdownAndCashOutWithTheLedgerInAgreement() throws Exception {
        PokerClient alice = PokerClient.connect(live.ws(), live.token("alice"), "a");
        PokerClient bob = PokerClient.connect(live.ws(), live.token("bob"), "b");
        assertThat(alice.welcome().wallet()).isEqualTo(Money.parse("1000.00"));

        String aliceBuyIn = alice.send(id -> new ClientMessage.SitDown(id, tableId, 0, Money.parse("100.00")));
        assertThat(alice.reply(aliceBuyIn, WAIT)).isInstanceOf(ServerMessage.Done.class);
        String bobBuyIn = bob.send(id -> new ClientMessage.SitDown(id, tableId, 1, Money.parse("80.00")));
        assertThat(bob.reply(bobBuyIn, WAIT)).isInstanceOf(ServerMessage.Done.class);
        assertThat(wallet("alice")).isEqualTo(Money.parse("900.00"));

        Table view = new Table();
        while (view.handsEnded < 3) {
            view.follow(alice, bob);
        }
        // Chips are conserved at the table: what the players were told adds up to what they brought.
        assertThat(view.stacks[0].plus(view.stacks[1])).isEqualTo(Money.parse("180.00"));

        // Leaving in the middle of the next hand: the hand is played out (the leaver folds) before the cash-out.
        String aliceLeave = alice.send(id -> new ClientMessage.Leave(id, tableId));
        String bobLeave = bob.send(id -> new ClientMessage.Leave(id, tableId));
        while (view.cashedOut[0] == null || view.cashedOut[1] == null) {
            view.follow(alice, bob);
        }
        assertThat(view.cashedOut[0].plus(view.cashedOut[1])).isEqualTo(Money.parse("180.00"));
        assertThat(wallet("alice")).isEqualTo(Money.parse("900.00").plus(view.cashedOut[0]));
        assertThat(wallet("bob")).isEqualTo(Money.parse("920.00").plus(view.cashedOut[1]));
        assertThat(wallet("alice").plus(wallet("bob"))).isEqualTo(Money.parse("2000.00"));
        // Her wallet message may come after both seats emptied (if bob's leave was handled first): wait for it.
        Money aliceWallet = wallet("alice");
        if (!aliceWallet.equals(alice.lastWallet())) {
            alice.await(m -> m instanceof ServerMessage.Wallet w && w.balance().equals(aliceWallet), WAIT);
        }
        assertThat(alice.lastWallet()).as("the wallet alice was shown").isEqualTo(aliceWallet);

        AuditReport audit = live.audit();
        assertThat(audit.clean()).as(audit.summary()).isTrue();
        alice.close();
        bob.close();
    }
}
