package io.chipledger.server.tournament;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The blind levels in order and when each gives way to the next. Level numbers start at 1; once the last level is
 * reached the blinds stay there.
 */
public record BlindSchedule(List<BlindLevel> levels, LevelPace pace) {

    public BlindSchedule {
        levels = List.copyOf(levels);
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("a blind schedule needs at least one level");
        }
        for (int i = 1; i < levels.size(); i++) {
            if (levels.get(i).bigBlind() < levels.get(i - 1).bigBlind()) {
                throw new IllegalArgumentException("the big blind never goes down: level " + (i + 1) + " ("
                        + levels.get(i) + ") after level " + i + " (" + levels.get(i - 1) + ")");
            }
        }
    }

    /** The level {@code number} (1-based); past the last, the last. */
    public BlindLevel level(int number) {
        if (number < 1) {
            throw new IllegalArgumentException("levels are numbered from 1, not " + number);
        }
        return levels.get(Math.min(number, levels.size()) - 1);
    }

    /**
     * The level in force for the next hand when level {@code current} has run for {@code timeInLevel} and
     * {@code handsInLevel} hands: the next one once the pace says this one is over, else the same (the last stays).
     */
    public int levelFor(int current, Duration timeInLevel, long handsInLevel) {
        boolean over = pace instanceof LevelPace.ByTime byTime ? timeInLevel.compareTo(byTime.length()) >= 0
                : handsInLevel >= ((LevelPace.ByHands) pace).hands();
        return over && current < levels.size() ? current + 1 : current;
    }

    /** How long level {@code current} has left after {@code timeInLevel}, when the pace is by time and a level follows. */
    public Optional<Duration> untilNextLevel(int current, Duration timeInLevel) {
        if (!(pace instanceof LevelPace.ByTime byTime) || current >= levels.size()) {
            return Optional.empty();
        }
        Duration left = byTime.length().minus(timeInLevel);
        return Optional.of(left.isNegative() ? Duration.ZERO : left);
    }
}
