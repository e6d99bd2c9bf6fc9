package io.chipledger.server.net;

import io.netty.buffer.ByteBuf;

/**
 * The header of a text frame the server sends (RFC 6455, section 5.2): final, text, no extension bits, unmasked, and
 * the payload's length in the shortest of its three forms. Unmasked, a frame's bytes are the same for every receiver:
 * this header and the message's JSON, encoded once for all of them.
 *
 * <p>The header is written at write time, straight into the burst's buffer, rather than kept beside the JSON: it is
 * two to ten bytes and a few comparisons, while keeping it would mean a second array per message (the JSON's length is
 * known only once it is written) and a copy of the whole payload into it.
 */
final class TextFrameHeader {

    /** FIN set, RSV1-3 clear, opcode 1 (text). */
    private static final int FINAL_TEXT = 0x81;
    private static final int LONGEST_SHORT_LENGTH = 125;
    private static final int SIXTEEN_BIT_LENGTH = 126;
    private static final int SIXTY_FOUR_BIT_LENGTH = 127;

    private TextFrameHeader() {
    }

    static int sizeOf(int payloadLength) {
        if (payloadLength <= LONGEST_SHORT_LENGTH) {
            return 2;
        }
        return payloadLength <= 0xFFFF ? 4 : 10;
    }

    static void write(ByteBuf out, int payloadLength) {
        out.writeByte(FINAL_TEXT);
        if (payloadLength <= LONGEST_SHORT_LENGTH) {
            out.writeByte(payloadLength); // the mask bit (0x80) stays clear: servers do not mask
        } else if (payloadLength <= 0xFFFF) {
            out.writeByte(SIXTEEN_BIT_LENGTH);
            out.writeShort(payloadLength);
        } else {
            out.writeByte(SIXTY_FOUR_BIT_LENGTH);
            out.writeLong(payloadLength);
        }
    }
}
