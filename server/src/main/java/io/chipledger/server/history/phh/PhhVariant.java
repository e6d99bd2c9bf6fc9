package io.chipledger.server.history.phh;

import io.chipledger.server.game.holdem.Variant;

/** The PHH {@code variant} codes of the games we play: {@code NT} (No-Limit Texas hold'em), {@code PO} (PL Omaha). */
public final class PhhVariant {

    private PhhVariant() {
    }

    public static String code(Variant variant) {
        return switch (variant) {
            case NO_LIMIT_TEXAS_HOLDEM -> "NT";
            case POT_LIMIT_OMAHA_HOLDEM -> "PO";
        };
    }

    /** @throws IllegalArgumentException for a variant we do not play (PHH has many more: fixed-limit, stud, draw) */
    public static Variant of(String code) {
        for (Variant variant : Variant.values()) {
            if (code(variant).equals(code)) {
                return variant;
            }
        }
        throw new IllegalArgumentException("only No-Limit Texas Hold'em ('NT') and Pot-Limit Omaha ('PO') are "
                + "replayed, not '" + code + "'");
    }
}
