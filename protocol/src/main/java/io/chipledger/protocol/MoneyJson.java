package io.chipledger.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.chipledger.ledger.money.Money;
import io.chipledger.ledger.money.MoneyFormatException;
import java.io.IOException;

/**
 * Money on the wire is a JSON string with at most two decimals ({@code "12.50"}). A JSON number is refused, so no
 * browser ever parses money as a double, and so is anything {@link Money#parse} refuses and any negative amount
 * (the wire never carries one: direction is in the message, not the sign).
 */
final class MoneyJson {

    private MoneyJson() {
    }

    static SimpleModule module() {
        SimpleModule module = new SimpleModule("money");
        module.addSerializer(Money.class, new Writer());
        module.addDeserializer(Money.class, new Reader());
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
        Reader() {
            super(Money.class);
        }

        @Override
        public Money deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                throw new ProtocolException(ErrorCode.BAD_AMOUNT,
                        "amount at '" + parser.currentName() + "' must be a string such as \"12.50\", not " + parser.currentToken());
            }
            Money amount;
            try {
                amount = Money.parse(parser.getText());
            } catch (MoneyFormatException e) {
                throw new ProtocolException(ErrorCode.BAD_AMOUNT, e.getMessage());
            }
            if (amount.isNegative()) {
                throw new ProtocolException(ErrorCode.BAD_AMOUNT, "amounts on the wire are never negative: " + amount);
            }
            return amount;
        }
    }
}
