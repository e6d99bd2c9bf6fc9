package io.chipledger.server.attack;

import java.util.SplittableRandom;

/**
 * Frames a hostile client sends: broken JSON, wrong types, nulls, unknown fields and types, amounts in every form the
 * protocol refuses, deep nesting, and requests for tables that are not the sender's. None can move money for a
 * player who holds no seat: a buy-in goes to a table that does not exist or carries an amount that is refused.
 */
final class HostileFrames {

    private static final String[] AMOUNTS = {"\"+50\"", "\" 50\"", "\"50.000\"", "\"50.\"", "\"\\u200350\"", "\"50\\n\"",
            "50", "50.5", "\"-5\"", "\"1e3\"", "null", "\"0.001\"", "\"NaN\"", "[]", "{}", "\"\"", "true", "\"9".repeat(1) + "9".repeat(40) + "\""};
    private static final String[] TYPES = {"hello", "watchx", "sitDown", "topUp", "act", "sitOut", "sitIn", "leave",
            "setClientSeed", "ping", "unwatch", "", "null"};
    private static final String[] VALUES = {"null", "1", "\"1\"", "-1", "1.5", "true", "[]", "{}", "\"\"", "\"\\u0000\"",
            "99999999999999999999999", "\"" + "x".repeat(70) + "\""};

    private final SplittableRandom random;
    private final long tableId;

    HostileFrames(long seed, long tableId) {
        this.random = new SplittableRandom(seed);
        this.tableId = tableId;
    }

    /** The next frame, and the requestId it carries (null when it carries none the server can read). */
    String next(String requestId) {
        return switch (random.nextInt(12)) {
            case 0 -> "{\"type\":\"ping\",\"requestId\":\"" + requestId + "\"}";
            case 1 -> garbage();
            case 2 -> "{\"type\":\"topUp\",\"requestId\":\"" + requestId + "\",\"tableId\":" + tableId + ",\"amount\":" + pick(AMOUNTS) + "}";
            case 3 -> "{\"type\":\"sitDown\",\"requestId\":\"" + requestId + "\",\"tableId\":" + tableId + ",\"seat\":"
                    + random.nextInt(-2, 12) + ",\"amount\":" + pick(AMOUNTS) + "}";
            case 4 -> "{\"type\":\"sitDown\",\"requestId\":\"" + requestId + "\",\"tableId\":" + (900_000_000 + random.nextInt(1000))
                    + ",\"seat\":1,\"amount\":\"50.00\"}";
            case 5 -> "{\"type\":\"" + pick(TYPES) + "\",\"requestId\":" + pick(VALUES) + ",\"tableId\":" + pick(VALUES) + "}";
            case 6 -> "{\"type\":\"act\",\"requestId\":\"" + requestId + "\",\"tableId\":" + tableId + ",\"handId\":"
                    + random.nextInt(1, 1_000_000) + ",\"action\":\"" + pick(new String[] {"FOLD", "CALL", "RAISE", "fold", "ALL_IN"})
                    + "\",\"amount\":" + pick(AMOUNTS) + "}";
            case 7 -> "{\"type\":\"" + pick(TYPES) + "\",\"requestId\":\"" + requestId + "\",\"" + pick(new String[] {"admin", "seat", "tableId",
                    "text", "amount"}) + "\":" + pick(VALUES) + ",\"extra\":1}";
            case 8 -> pick(new String[] {"null", "[]", "7", "\"ping\"", "{}", "true", "{\"type\":null}"});
            case 9 -> "{\"type\":\"ping\",\"requestId\":\"" + requestId + "\",\"x\":" + "[".repeat(random.nextInt(10, 40))
                    + "]".repeat(random.nextInt(0, 40)) + "}";
            case 10 -> "{\"type\":\"leave\",\"requestId\":\"" + requestId + "\",\"tableId\":" + tableId + "}";
            default -> "{\"type\":\"setClientSeed\",\"requestId\":\"" + requestId + "\",\"tableId\":" + tableId
                    + ",\"commitment\":" + pick(VALUES) + ",\"seed\":" + pick(VALUES) + "}";
        };
    }

    private String garbage() {
        int length = random.nextInt(1, 200);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) random.nextInt(1, 0x2FFF));
        }
        return text.toString();
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }
}
