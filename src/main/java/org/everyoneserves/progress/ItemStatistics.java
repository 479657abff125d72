package org.everyoneserves.progress;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * Classical test statistics of one question in one quiz version, from running sums over the submitted attempts that
 * showed it. For each such attempt, x is 1 when the question was answered rightly (a skipped question is wrong) and
 * y is the number of the other questions of the attempt answered rightly (the rest score: every attempt of a version
 * shows the same number of questions, so y always counts out of the same number).
 *
 * <p>Facility is the share answered rightly, Σx / n. Discrimination is the point-biserial correlation of x with y,
 * Pearson's r over the pairs, which from sums alone is
 * {@code (nΣxy − ΣxΣy) / √((nΣx − (Σx)²)(nΣy² − (Σy)²))} (x² = x). It is undefined (null) when everybody got the
 * question right or wrong, or everybody had the same rest score. Using the rest of the quiz rather than the whole
 * score keeps the question from correlating with itself. Keeping the five sums makes each submission a constant
 * number of additions and the figures exact, whatever the number of attempts.
 *
 * <p>Flags use the usual rules of thumb of classical test theory, and only once {@value #MIN_ATTEMPTS} attempts
 * showed the question (fewer say little): too easy above {@value #TOO_EASY} facility, too hard below
 * {@value #TOO_HARD}; negative discrimination below 0 (people who did well on the rest of the quiz got this one
 * wrong more often: often a wrong key or a trick); and a wrong choice of a choice question that nobody picked (it
 * distracts nobody, so it only makes guessing easier).
 */
public record ItemStatistics(long attempts, long answered, long right, long restSum, long restSquares, long rightRestSum) {

    public static final ItemStatistics NONE = new ItemStatistics(0, 0, 0, 0, 0, 0);

    public static final int MIN_ATTEMPTS = 5;
    public static final double TOO_EASY = 0.90;
    public static final double TOO_HARD = 0.30;

    public enum Flag { TOO_EASY, TOO_HARD, NEGATIVE_DISCRIMINATION, UNUSED_DISTRACTOR }

    /** These sums with one more attempt added. */
    public ItemStatistics plus(boolean wasAnswered, boolean wasRight, int rest) {
        int x = wasRight ? 1 : 0;
        return new ItemStatistics(attempts + 1, answered + (wasAnswered ? 1 : 0), right + x, restSum + rest,
                restSquares + (long) rest * rest, rightRestSum + (long) x * rest);
    }

    /** Σx / n, or null before any attempt. */
    public Double facility() {
        return attempts == 0 ? null : (double) right / attempts;
    }

    /** The point-biserial correlation of this question with the rest of the quiz, or null where it is undefined. */
    public Double discrimination() {
        double spreadX = (double) attempts * right - (double) right * right;
        double spreadY = (double) attempts * restSquares - (double) restSum * restSum;
        if (attempts < 2 || spreadX <= 0 || spreadY <= 0) {
            return null;
        }
        return ((double) attempts * rightRestSum - (double) right * restSum) / Math.sqrt(spreadX * spreadY);
    }

    /**
     * @param wrongChoicePicks how often each wrong choice was picked (empty for questions without choices)
     */
    public Set<Flag> flags(Collection<Long> wrongChoicePicks) {
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        if (attempts < MIN_ATTEMPTS) {
            return flags;
        }
        double facility = facility();
        if (facility > TOO_EASY) {
            flags.add(Flag.TOO_EASY);
        }
        if (facility < TOO_HARD) {
            flags.add(Flag.TOO_HARD);
        }
        Double discrimination = discrimination();
        if (discrimination != null && discrimination < 0) {
            flags.add(Flag.NEGATIVE_DISCRIMINATION);
        }
        if (wrongChoicePicks.stream().anyMatch(picks -> picks == 0)) {
            flags.add(Flag.UNUSED_DISTRACTOR);
        }
        return flags;
    }
}
