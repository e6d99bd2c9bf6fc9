package io.chipledger.money;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * The one JSON form of {@link Money}: a string with two decimals ({@code "12.50"}), for the wire, the admin API and
 * stored hand histories alike. A JSON number is refused, so no browser ever parses money as a double, and so is
 * anything but the exact form {@link Money#parseExact} reads ({@code "+50"}, {@code " 50"}, {@code "50."} and
 * {@code "50.000"} included). A refused amount surfaces as a {@link MoneyFormatException} in the cause chain
 * of Jackson's exception, so each caller can answer it in its own terms (the wire's {@code BAD_AMOUNT}).
 */
public final class MoneyJson {

    private MoneyJson() {
    }

    /** Amounts of either sign: ledger balances and results may be negative. */
    public static SimpleModule module() {
        return module(true);
    }

    /** Amounts that are never negative: what a client sends (direction is in the message, not the sign). */
    public static SimpleModule nonNegativeModule() {
        return module(false);
    }

    private static SimpleModule module(boolean negativeAllowed) {
        SimpleModule module = new SimpleModule(negativeAllowed ? "money" : "money-non-negative");
        module.addSerializer(Money.class, new Writer());
        module.addDeserializer(Money.class, new Reader(negativeAllowed));
        return module;
    }

    private static final class Writer extends StdSerializer<Money> {
        Writer() {
            super(Money.class);
        }

        @Override
        public void serialize(Money value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(value.toString());
        }
    }

    private static final class Reader extends StdDeserializer<Money> {
        private final boolean negativeAllowed;

        Reader(boolean negativeAllowed) {
            super(Money.class);
            this.negativeAllowed = negativeAllowed;
        }

        @Override
        public Money deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                throw new MoneyFormatException(
                        "amount at '" + parser.currentName() + "' must be a string such as \"12.50\", not " + parser.currentToken());
            }
            Money amount = Money.parseExact(parser.getText());
            if (!negativeAllowed && amount.isNegative()) {
                throw new MoneyFormatException("amounts on the wire are never negative: " + amount);
            }
            return amount;
        }
    }
}
