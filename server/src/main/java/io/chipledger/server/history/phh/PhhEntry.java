package io.chipledger.server.history.phh;

/** One hand of a PHH file: read, or not readable and why. */
public sealed interface PhhEntry {

    String name();

    record Readable(PhhHand hand) implements PhhEntry {
        @Override
        public String name() {
            return hand.name();
        }
    }

    record Unreadable(String name, String problem) implements PhhEntry {
    }
}
