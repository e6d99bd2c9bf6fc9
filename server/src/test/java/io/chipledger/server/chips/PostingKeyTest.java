package io.chipledger.server.chips;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Every posting key keeps the text earlier versions wrote: a request sent again across an upgrade, or a recovery
 * rerun by a newer server, must build the same key for the ledger to answer it as the first time.
 */
class PostingKeyTest {

    @Test
    void keysAreTheTextTheLedgerAlreadyHolds() {
        PostingKey.BuyIn buyIn = new PostingKey.BuyIn(3, 17, "a1b2-7");
        assertThat(buyIn.text()).isEqualTo("buyin:t3:p17:a1b2-7");
        assertThat(new PostingKey.TopUp(3, 17, "a1b2-9").text()).isEqualTo("topup:t3:p17:a1b2-9");
        assertThat(new PostingKey.CashOut(buyIn.text()).text()).isEqualTo("cashout:buyin:t3:p17:a1b2-7");
        assertThat(new PostingKey.HandMove(3, 42, 5).text()).isEqualTo("t3-h42-5");
        assertThat(new PostingKey.VoidedHand(new HandRef(42)).text()).isEqualTo("void:h42");
        assertThat(new PostingKey.StrandedSeat(88, 12).text()).isEqualTo("recover:seat88:v12");
        assertThat(new PostingKey.WelcomeGrant(OwnerRef.player(17)).text()).isEqualTo("grant:player:17");
        assertThat(new PostingKey.Operator("k-1").text()).isEqualTo("admin:k-1");
        assertThat(new HandRef(42).text()).isEqualTo("h42");
        assertThat(new PostingKey.TournamentEntry(9).text()).isEqualTo("entry:e9");
        assertThat(new PostingKey.EntryRefund(9).text()).isEqualTo("entry-refund:e9");
        assertThat(new PostingKey.TournamentPrizes(5).text()).isEqualTo("prizes:tournament:5");
    }
}
