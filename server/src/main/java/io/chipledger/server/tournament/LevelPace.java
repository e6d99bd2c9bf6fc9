package io.chipledger.server.tournament;

import java.time.Duration;

/** When the blinds go up: after a length of time (real play), or after a number of hands (tests, fast formats). */
public sealed interface LevelPace {

    /** Each level lasts {@code length} of the tournament's running time. */
    record ByTime(Duration length) implements LevelPace {
        public ByTime {
            if (length.isNegative() || length.isZero() || length.toMillis() % 1000 != 0) {
                throw new IllegalArgumentException("a level lasts a positive whole number of seconds, not " + length);
            }
        }
    }

    /** Each level lasts {@code hands} hands. */
    record ByHands(int hands) implements LevelPace {
        public ByHands {
            if (hands <= 0) {
                throw new IllegalArgumentException("a level lasts at least one hand, not " + hands);
            }
        }
    }
}
