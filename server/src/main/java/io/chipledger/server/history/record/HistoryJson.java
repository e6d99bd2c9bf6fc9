package io.chipledger.server.history.record;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.chipledger.money.MoneyJson;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The JSON form of a {@link HandHistory}: amounts as strings with two decimals ({@code "12.50"}), the rake percentage
 * as a decimal string, times as ISO-8601 instants in UTC, absent fields for nulls. The same form is stored in the
 * database and exported; docs/hand-history-json.md documents it.
 */
public final class HistoryJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(MoneyJson.module())
            .addModule(module())
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final TypeReference<List<HistoryEvent>> EVENTS = new TypeReference<>() {
    };
    /** For the declared element type, so every event is written with its {@code type}. */
    private static final ObjectWriter EVENTS_WRITER = MAPPER.writerFor(EVENTS);

    private HistoryJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(HandHistory history) {
        try {
            return MAPPER.writeValueAsString(history);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write hand " + history.handId(), e);
        }
    }

    /** Events alone, as a JSON array of the same form as a record's {@code events}. */
    public static String writeEvents(List<HistoryEvent> events) {
        try {
            return EVENTS_WRITER.writeValueAsString(events);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write events " + events, e);
        }
    }

    public static List<HistoryEvent> readEvents(String json) {
        try {
            return MAPPER.readValue(json, EVENTS);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a list of hand events: " + e.getOriginalMessage(), e);
        }
    }

    public static HandHistory read(String json) {
        try {
            return MAPPER.readValue(json, HandHistory.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a hand history: " + e.getOriginalMessage(), e);
        }
    }

    private static SimpleModule module() {
        SimpleModule module = new SimpleModule("hand-history");
        module.addSerializer(BigDecimal.class, new StdSerializer<>(BigDecimal.class) {
            @Override
            public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(value.toPlainString());
            }
        });
        module.addDeserializer(BigDecimal.class, new StdDeserializer<>(BigDecimal.class) {
            @Override
            public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                return new BigDecimal(parser.getValueAsString());
            }
        });
        module.addSerializer(Instant.class, new StdSerializer<>(Instant.class) {
            @Override
            public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(value.toString());
            }
        });
        module.addDeserializer(Instant.class, new StdDeserializer<>(Instant.class) {
            @Override
            public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                return Instant.parse(parser.getValueAsString());
            }
        });
        return module;
    }
}
