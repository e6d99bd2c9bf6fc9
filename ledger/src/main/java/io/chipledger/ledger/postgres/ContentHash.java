package io.chipledger.ledger.postgres;

import io.chipledger.ledger.Leg;
import io.chipledger.ledger.Posting;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of everything a posting says, key excluded: two postings under one key are "the same" exactly when their
 * hashes match. Fields are length-prefixed so no two different postings serialize alike.
 */
final class ContentHash {

    private ContentHash() {
    }

    static String of(Posting posting) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + 48 * posting.legs().size());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(posting.kind().name());
            writeNullable(out, posting.tableRef());
            writeNullable(out, posting.handRef());
            writeNullable(out, posting.actionRef());
            out.writeInt(posting.legs().size());
            for (Leg leg : posting.legs()) {
                out.writeLong(leg.fromAccountId());
                out.writeLong(leg.toAccountId());
                out.writeUTF(leg.amount().toString());
                out.writeUTF(leg.kind().name());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(sha256().digest(bytes.toByteArray()));
    }

    private static void writeNullable(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
