package com.journeyexplorer.analysis;

/**
 * The survey responses about the journeys of one row (a path variant, a funnel stage, a node) and their mean
 * normalized score (0..1, 1 the best answer). Rows without responses carry no {@code ExperienceScore}.
 */
public record ExperienceScore(long responses, double meanScore) {

    public ExperienceScore {
        if (responses <= 0) {
            throw new IllegalArgumentException("responses must be positive");
        }
    }

    /** The responses of both rows together, with their mean. */
    public ExperienceScore plus(ExperienceScore other) {
        long n = responses + other.responses;
        return new ExperienceScore(n, (meanScore * responses + other.meanScore * other.responses) / n);
    }

    /**
     * Counts and score sums per row, filled response by response; O(1) per response and 16 bytes per row.
     */
    public static final class Tally {
        private final long[] counts;
        private final double[] sums;

        public Tally(int rows) {
            counts = new long[rows];
            sums = new double[rows];
        }

        public void add(int row, double normalized) {
            counts[row]++;
            sums[row] += normalized;
        }

        /** The row's score, or null where it had no response. */
        public ExperienceScore score(int row) {
            return counts[row] == 0 ? null : new ExperienceScore(counts[row], sums[row] / counts[row]);
        }
    }
}
