package io.chipledger.server.history.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.chipledger.server.history.record.HandHistory;
import io.chipledger.server.history.record.HistoryJson;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes hands as one JSON document, {@code {"format":"chipledger-hand-history","version":1,"hands":[...]}}, each hand
 * as it is stored (docs/hand-history-json.md); voided hands included, marked so. Streams: each hand is written as it
 * comes and nothing is kept.
 */
public final class JsonHistoryWriter implements HandHistoryWriter {

    public static final String FORMAT = "chipledger-hand-history";

    private final ObjectWriter hands = HistoryJson.mapper().writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
    private final JsonGenerator json;

    public JsonHistoryWriter(Writer out) {
        try {
            this.json = HistoryJson.mapper().getFactory().createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.writeStartObject();
            json.writeStringField("format", FORMAT);
            json.writeNumberField("version", HandHistory.VERSION);
            json.writeArrayFieldStart("hands");
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a JSON document", e);
        }
    }

    @Override
    public boolean write(HandHistory hand) throws IOException {
        json.writeRaw('\n');
        hands.writeValue(json, hand);
        return true;
    }

    @Override
    public void finish() throws IOException {
        json.writeEndArray();
        json.writeEndObject();
        json.writeRaw('\n');
        json.flush();
    }
}
