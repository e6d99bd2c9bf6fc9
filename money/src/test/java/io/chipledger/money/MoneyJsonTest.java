package io.chipledger.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

class MoneyJsonTest {

    record Amount(Money amount) {
    }

    private final ObjectMapper anySign = JsonMapper.builder().addModule(MoneyJson.module()).build();
    private final ObjectMapper nonNegative = JsonMapper.builder().addModule(MoneyJson.nonNegativeModule()).build();

    @Test
    void writesAStringWithTwoDecimals() throws JsonProcessingException {
        assertThat(anySign.writeValueAsString(new Amount(Money.parse("12.5")))).isEqualTo("{\"amount\":\"12.50\"}");
    }

    @Test
    void readsBackWhatItWrote() throws JsonProcessingException {
        Amount amount = new Amount(Money.parse("-0.01"));
        assertThat(anySign.readValue(anySign.writeValueAsString(amount), Amount.class)).isEqualTo(amount);
    }

    @Test
    void aJsonNumberIsRefusedSoNoClientSendsMoneyAsADouble() {
        assertThatThrownBy(() -> anySign.readValue("{\"amount\":12.5}", Amount.class))
                .hasRootCauseInstanceOf(MoneyFormatException.class)
                .hasMessageContaining("must be a string");
    }

    @Test
    void aFractionFinerThanACentIsRefusedNeverRounded() {
        assertThatThrownBy(() -> anySign.readValue("{\"amount\":\"0.001\"}", Amount.class))
                .hasRootCauseInstanceOf(MoneyFormatException.class);
    }

    @Test
    void theNonNegativeFormRefusesANegativeAmount() throws JsonProcessingException {
        assertThat(anySign.readValue("{\"amount\":\"-1.00\"}", Amount.class).amount()).isEqualTo(Money.parse("-1"));
        assertThatThrownBy(() -> nonNegative.readValue("{\"amount\":\"-1.00\"}", Amount.class))
                .hasRootCauseInstanceOf(MoneyFormatException.class)
                .hasMessageContaining("never negative");
    }
}
