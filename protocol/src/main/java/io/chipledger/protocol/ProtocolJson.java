package io.chipledger.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.chipledger.money.MoneyFormatException;
import io.chipledger.money.MoneyJson;

/**
 * Reads and writes wire messages. Strict by design, because every frame may be hostile: unknown fields, trailing
 * data, numbers where amounts belong, floats where integers belong, text where numbers belong and numbers where text
 * belongs, a null frame or a null required field, and oversized input are all refused with an {@link ErrorCode} the
 * client can act on.
 */
public final class ProtocolJson {

    /** The protocol version this server speaks; a client announces its own in {@code hello}. */
    public static final int PROTOCOL_VERSION = 1;
    /** A requestId is an opaque token chosen by the client; this bounds what the server stores of it. */
    public static final int MAX_REQUEST_ID_LENGTH = 64;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(MoneyJson.nonNegativeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // "1" where a number belongs, 123 where text belongs: refused, never read as what the client did not write.
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .withCoercionConfig(LogicalType.Textual, text -> text
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .withCoercionConfigDefaults(all -> all.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(16).maxStringLength(16_384).maxNumberLength(32).build());
    }

    private ProtocolJson() {
    }

    /** Decodes one client frame, or throws a {@link ProtocolException} saying what is wrong with it. */
    public static ClientMessage readClientMessage(String frame) {
        ClientMessage message = read(frame, ClientMessage.class);
        if (message == null) {
            throw new ProtocolException(ErrorCode.BAD_MESSAGE, "a frame is a JSON object with a type, not null");
        }
        RequiredFields.check((Record) message);
        String requestId = message.requestId();
        if (requestId == null || requestId.isBlank() || requestId.length() > MAX_REQUEST_ID_LENGTH) {
            throw new ProtocolException(ErrorCode.BAD_MESSAGE,
                    "requestId must be a non-empty string of at most " + MAX_REQUEST_ID_LENGTH + " characters");
        }
        return message;
    }

    /**
     * The {@code requestId} of a frame that could not be decoded, when it is still readable (a JSON object that parses
     * up to a well-formed requestId field), so the refusal can name the request it answers; null otherwise.
     */
    public static String requestIdOf(String frame) {
        // Streamed, stopping at the requestId (the second field of a well-formed frame): this runs once per refused
        // frame, and a flood of refused frames is what a hostile client sends.
        try (com.fasterxml.jackson.core.JsonParser parser = MAPPER.getFactory().createParser(frame)) {
            if (parser.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                com.fasterxml.jackson.core.JsonToken value = parser.nextToken();
                if ("requestId".equals(field)) {
                    String text = value == com.fasterxml.jackson.core.JsonToken.VALUE_STRING ? parser.getText() : null;
                    return text == null || text.isBlank() || text.length() > MAX_REQUEST_ID_LENGTH ? null : text;
                }
                parser.skipChildren();
            }
            return null;
        } catch (java.io.IOException | RuntimeException unreadable) {
            return null;
        }
    }

    /** Decodes a server frame: used by the bots and tests that play as clients. */
    public static ServerMessage readServerMessage(String frame) {
        return read(frame, ServerMessage.class);
    }

    public static String write(Object message) {
        try {
            return MAPPER.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + message.getClass().getSimpleName(), e);
        }
    }

    /** As {@link #write}, straight to UTF-8 bytes: what goes on the wire, without the intermediate string. */
    public static byte[] writeBytes(Object message) {
        try {
            return MAPPER.writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + message.getClass().getSimpleName(), e);
        }
    }

    /** The configured mapper, for REST bodies that share the wire's money rules. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static <T> T read(String frame, Class<T> type) {
        try {
            return MAPPER.readValue(frame, type);
        } catch (InvalidTypeIdException e) {
            throw new ProtocolException(ErrorCode.BAD_MESSAGE, "unknown or missing message type: " + e.getTypeId());
        } catch (MismatchedInputException e) {
            ProtocolException cause = protocolCause(e);
            throw cause != null ? cause : new ProtocolException(ErrorCode.BAD_MESSAGE, brief(e));
        } catch (JsonProcessingException e) {
            ProtocolException cause = protocolCause(e);
            if (cause != null) {
                throw cause;
            }
            ErrorCode code = e instanceof com.fasterxml.jackson.core.JsonParseException ? ErrorCode.BAD_JSON : ErrorCode.BAD_MESSAGE;
            throw new ProtocolException(code, brief(e));
        }
    }

    /**
     * Amount errors are raised inside Jackson; find them so the client gets BAD_AMOUNT, not a generic error. Public for
     * the REST bodies that share the wire's mapper.
     */
    public static ProtocolException protocolCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ProtocolException protocol) {
                return protocol;
            }
            if (t instanceof MoneyFormatException amount) {
                return new ProtocolException(ErrorCode.BAD_AMOUNT, amount.getMessage());
            }
        }
        return null;
    }

    /** Jackson's message without the source excerpt, which would echo the (possibly hostile) input back. */
    private static String brief(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        return message.length() > 200 ? message.substring(0, 200) + "..." : message;
    }
}
