package com.journeyexplorer.analysis.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class SweepExtrapolationTests {

    private static final int STATES = 400;
    private static final int COLUMNS = 3;

    /**
     * A cycle that journeys leave with 0.5 % a step, each state leading to three at random: plain Gauss–Seidel shrinks
     * the error slowly and steadily, the case the extrapolation is for. Column o's right-hand side is the exit at every
     * (o + 1)-th state.
     */
    private static double[][][] slowRing() {
        Random random = new Random(3);
        double[][] q = new double[STATES][STATES];
        double[][] r = new double[STATES][COLUMNS + 1];
        for (int i = 0; i < STATES; i++) {
            q[i][(i + 1) % STATES] += 0.395;
            q[i][random.nextInt(STATES)] += 0.3;
            q[i][random.nextInt(STATES)] += 0.3;
            for (int o = 0; o < COLUMNS; o++) {
                r[i][o] = i % (o + 1) == 0 ? 0.005 / COLUMNS : 0;
            }
            r[i][COLUMNS] = 0.005 - (r[i][0] + r[i][1] + r[i][2]);
        }
        return new double[][][] {q, r};
    }

    @Test
    void reachesTheDenseAnswerInFewerThanHalfThePlainSweeps() {
        double[][][] ring = slowRing();
        double[][] expected = DenseChainSolve.absorption(ring[0], ring[1]);
        double[] plain = new double[STATES * COLUMNS];
        double[] extrapolated = new double[STATES * COLUMNS];
        int plainSweeps = sweepsToConverge(ring[0], ring[1], plain, false);
        int extrapolatedSweeps = sweepsToConverge(ring[0], ring[1], extrapolated, true);
        for (int i = 0; i < STATES; i++) {
            for (int o = 0; o < COLUMNS; o++) {
                assertThat(plain[i * COLUMNS + o]).isCloseTo(expected[i][o], within(1e-10));
                assertThat(extrapolated[i * COLUMNS + o]).isCloseTo(expected[i][o], within(1e-10));
            }
        }
        assertThat(extrapolatedSweeps).isLessThan(plainSweeps / 2);
    }

    /** Gauss–Seidel on {@code (I - Q) x = R} from 0 until no column changes by more than 1e-15; the sweeps taken. */
    private static int sweepsToConverge(double[][] q, double[][] r, double[] x, boolean extrapolate) {
        int[][] successors = new int[STATES][];
        for (int i = 0; i < STATES; i++) {
            int row = i;
            successors[i] = IntStream.range(0, STATES).filter(j -> q[row][j] != 0).toArray();
        }
        double[] step = new double[x.length];
        double[] change = new double[COLUMNS];
        SweepExtrapolation extrapolation = new SweepExtrapolation(COLUMNS);
        long active = (1L << COLUMNS) - 1;
        for (int sweeps = 1; ; sweeps++) {
            Arrays.fill(change, 0);
            for (int i = 0; i < STATES; i++) {
                for (int o = 0; o < COLUMNS; o++) {
                    double sum = r[i][o];
                    for (int j : successors[i]) {
                        sum += q[i][j] * x[j * COLUMNS + o];
                    }
                    step[i * COLUMNS + o] = sum - x[i * COLUMNS + o];
                    change[o] = Math.max(change[o], Math.abs(step[i * COLUMNS + o]));
                    x[i * COLUMNS + o] = sum;
                }
            }
            for (int o = 0; o < COLUMNS; o++) {
                if (change[o] <= 1e-15) {
                    active &= ~(1L << o);
                }
            }
            if (active == 0) {
                return sweeps;
            }
            if (extrapolate) {
                extrapolation.after(active, change, x, step, COLUMNS);
            }
        }
    }
}
