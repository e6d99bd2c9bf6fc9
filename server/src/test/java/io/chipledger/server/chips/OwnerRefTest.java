package io.chipledger.server.chips;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Account owners have one text form each, as earlier versions stored them, and one way back from it. */
class OwnerRefTest {

    @Test
    void eachOwnerIsWrittenAsTheLedgerHasAlwaysStoredIt() {
        assertThat(OwnerRef.cashier().text()).isEqualTo("cashier");
        assertThat(OwnerRef.player(17).text()).isEqualTo("player:17");
        assertThat(OwnerRef.table(3).text()).isEqualTo("table:3");
        assertThat(OwnerRef.table(3).seatOf(17).text()).isEqualTo("table:3/player:17");
        assertThat(OwnerRef.tournament(5).text()).isEqualTo("tournament:5");
    }

    @Test
    void theStoredTextReadsBackAsTheOwnerItNames() {
        assertThat(OwnerRef.parse("cashier")).isEqualTo(OwnerRef.cashier());
        assertThat(OwnerRef.parse("player:17")).isEqualTo(OwnerRef.player(17));
        assertThat(OwnerRef.parse("table:3")).isEqualTo(OwnerRef.table(3));
        assertThat(OwnerRef.parse("tournament:5")).isEqualTo(OwnerRef.tournament(5));
        assertThat(OwnerRef.parse("table:3/player:17")).isEqualTo(new OwnerRef.Seat(3, 17))
                .satisfies(seat -> assertThat(((OwnerRef.Seat) seat).wallet()).isEqualTo(OwnerRef.player(17)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "player:", "player:x", "table:3/", "player:17/table:3", "table:3/player:17/x", "bank", "table:-1", "tournament:", "tournament:5/player:1"})
    void textTheGameNeverWritesIsRefusedNotGuessedAt(String text) {
        assertThatThrownBy(() -> OwnerRef.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
