package com.journeyexplorer.analysis.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.journeyexplorer.analysis.WorkBudget;
import com.journeyexplorer.analysis.WorkBudgetExceededException;

class SolvedChainTests {

    private static final double EXACT = 1e-9;

    /**
     * A random chain of up to {@code maxStates} states with the troubles a solver meets: self-loops (some of 0.9999),
     * two-state loops of 0.9999, states nothing reaches, closed loops that reach no outcome, empty and short rows.
     */
    static double[][][] randomChain(long seed, int maxStates) {
        Random random = new Random(seed);
        int n = 1 + random.nextInt(maxStates);
        int outcomes = 1 + random.nextInt(3);
        double[][] q = new double[n][n];
        double[][] r = new double[n][outcomes];
        for (int i = 0; i < n; i++) {
            int kind = random.nextInt(12);
            if (kind == 0) {
                continue; // empty row: reaches nothing
            }
            double[] weights = new double[n + outcomes];
            int degree = 1 + random.nextInt(4);
            for (int e = 0; e < degree; e++) {
                // states only lead to states after them half the time, so that parts are acyclic
                int target = random.nextBoolean() && i + 1 < n ? i + 1 + random.nextInt(n - i - 1)
                        : random.nextInt(n + outcomes);
                weights[target] += random.nextDouble();
            }
            if (kind == 1) {
                weights[i] = 0;
                for (int o = 0; o < outcomes; o++) {
                    weights[n + o] = 0; // leads only to other transient states: maybe into a closed loop
                }
            }
            double total = 0;
            for (double w : weights) {
                total += w;
            }
            if (total == 0) {
                continue;
            }
            double scale = kind == 2 ? 0.8 : 1; // a row that loses 20 %
            for (int j = 0; j < n; j++) {
                q[i][j] = scale * weights[j] / total;
            }
            for (int o = 0; o < outcomes; o++) {
                r[i][o] = scale * weights[n + o] / total;
            }
            if (kind == 3) {
                scaleRowWithSelfLoop(q, r, i, 0.9999);
            }
        }
        if (n >= 2 && random.nextBoolean()) {
            // a near-absorbing loop between two states: a ↔ b with 0.9999, the rest out
            int a = random.nextInt(n);
            int b = (a + 1 + random.nextInt(n - 1)) % n;
            java.util.Arrays.fill(q[a], 0);
            java.util.Arrays.fill(q[b], 0);
            java.util.Arrays.fill(r[a], 0);
            java.util.Arrays.fill(r[b], 0);
            q[a][b] = 0.9999;
            q[b][a] = 0.9999;
            r[a][0] = 0.0001;
            r[b][outcomes - 1] = 0.0001;
        }
        return new double[][][] {q, r};
    }

    /** Makes row i stay with probability {@code stay}, the rest of the row scaled into 1 - stay. */
    private static void scaleRowWithSelfLoop(double[][] q, double[][] r, int i, double stay) {
        double rest = 0;
        for (int j = 0; j < q.length; j++) {
            if (j != i) {
                rest += q[i][j];
            }
        }
        for (double p : r[i]) {
            rest += p;
        }
        if (rest == 0) {
            return;
        }
        for (int j = 0; j < q.length; j++) {
            q[i][j] = j == i ? stay : q[i][j] * (1 - stay) / rest;
        }
        for (int o = 0; o < r[i].length; o++) {
            r[i][o] = r[i][o] * (1 - stay) / rest;
        }
    }

    @Test
    void absorptionEqualsADenseDirectSolveOnRandomChains() {
        for (long seed = 1; seed <= 400; seed++) {
            double[][][] chain = randomChain(seed, 30);
            double[][] expected = DenseChainSolve.absorption(chain[0], chain[1]);
            SolvedChain solved = SolvedChain.of(DenseChainSolve.sparse(chain[0], chain[1]));
            for (int i = 0; i < expected.length; i++) {
                for (int o = 0; o < expected[i].length; o++) {
                    assertThat(solved.probability(i, o)).as("seed %d, state %d, outcome %d", seed, i, o)
                            .isCloseTo(expected[i][o], within(EXACT));
                }
            }
        }
    }

    @Test
    void removalOfEachStateEqualsASolveWithoutIt() {
        for (long seed = 1; seed <= 200; seed++) {
            double[][][] chain = randomChain(seed, 25);
            double[][] q = chain[0];
            double[][] r = chain[1];
            SolvedChain solved = SolvedChain.of(DenseChainSolve.sparse(q, r));
            int n = q.length;
            int start = (int) (seed % n);
            for (int outcome = 0; outcome < r[0].length; outcome++) {
                double[] each = solved.withoutEach(start, outcome);
                for (int k = 0; k < n; k++) {
                    boolean[] removed = removedStates(n, k);
                    double[][][] cut = DenseChainSolve.without(q, r, removed);
                    double expected = DenseChainSolve.absorption(cut[0], cut[1])[start][outcome];
                    assertThat(each[k]).as("seed %d, without %d", seed, k).isCloseTo(expected, within(EXACT));
                    assertThat(solved.without(start, outcome, removed)).as("seed %d, set {%d}", seed, k)
                            .isCloseTo(expected, within(EXACT));
                }
            }
        }
    }

    @Test
    void removalOfASetEqualsASolveWithoutIt() {
        for (long seed = 1; seed <= 200; seed++) {
            double[][][] chain = randomChain(seed, 25);
            double[][] q = chain[0];
            double[][] r = chain[1];
            int n = q.length;
            Random random = new Random(seed);
            boolean[] removed = new boolean[n];
            for (int i = 0; i < n; i++) {
                removed[i] = random.nextInt(4) == 0;
            }
            int start = random.nextInt(n);
            double[][][] cut = DenseChainSolve.without(q, r, removed);
            double expected = DenseChainSolve.absorption(cut[0], cut[1])[start][0];
            assertThat(SolvedChain.of(DenseChainSolve.sparse(q, r)).without(start, 0, removed)).as("seed %d", seed)
                    .isCloseTo(expected, within(EXACT));
        }
    }

    @Test
    void removalsSolvedTogetherEqualSolvesWithoutEachSet() {
        for (long seed = 1; seed <= 200; seed++) {
            double[][][] chain = randomChain(seed, 25);
            double[][] q = chain[0];
            double[][] r = chain[1];
            int n = q.length;
            Random random = new Random(seed);
            // up to 64 sets: none removed, every state, the start among others, random ones
            int[][] sets = new int[1 + random.nextInt(64)][];
            int start = random.nextInt(n);
            for (int o = 0; o < sets.length; o++) {
                sets[o] = switch (o) {
                    case 0 -> new int[0];
                    case 1 -> java.util.stream.IntStream.range(0, n).toArray();
                    case 2 -> new int[] {start, random.nextInt(n)};
                    default -> java.util.stream.IntStream.range(0, n).filter(i -> random.nextInt(4) == 0).toArray();
                };
            }
            SolvedChain solved = SolvedChain.of(DenseChainSolve.sparse(q, r));
            for (int outcome = 0; outcome < r[0].length; outcome++) {
                double[] together = solved.withoutEach(start, outcome, sets);
                for (int o = 0; o < sets.length; o++) {
                    assertThat(together[o]).as("seed %d, outcome %d, set %d", seed, outcome, o)
                            .isCloseTo(withoutByDenseSolve(q, r, sets[o], start, outcome), within(EXACT));
                }
            }
        }
    }

    @Test
    void removalsSolvedTogetherInALargeCycleEqualSolvesWithoutEachSet() {
        for (long seed = 1; seed <= 3; seed++) {
            int n = MMatrix.DENSE_LIMIT + 150;
            double[][][] chain = cycle(seed, n, 0.05);
            SolvedChain solved = SolvedChain.of(DenseChainSolve.sparse(chain[0], chain[1]));
            Random random = new Random(seed);
            int[][] sets = new int[64][];
            for (int o = 0; o < sets.length; o++) {
                sets[o] = o % 2 == 0 ? new int[] {1 + random.nextInt(n - 1)}
                        : java.util.stream.IntStream.range(1, n).filter(i -> random.nextInt(20) == 0).toArray();
            }
            double[] together = solved.withoutEach(0, 0, sets);
            for (int o = 0; o < sets.length; o++) {
                double expected = withoutByDenseSolve(chain[0], chain[1], sets[o], 0, 0);
                assertThat(together[o]).as("seed %d, set %d", seed, o).isCloseTo(expected, within(EXACT));
                // another split of the cycle, the same answer to the tolerance
                assertThat(solved.without(0, 0, removedStates(n, sets[o]))).isCloseTo(together[o], within(EXACT));
            }
        }
    }

    /**
     * The removal solves stop once the residual weighed by the visits from the start bounds the error there by
     * {@value MMatrix#TOLERANCE} of the largest probability: on cycles that journeys leave slowly (so that the sweeps
     * run long), started inside the cycle and before it, the answers are that close to the dense ones.
     */
    @Test
    void removalsSolvedTogetherAreWithinTheBoundAtTheStart() {
        for (long seed = 1; seed <= 4; seed++) {
            int n = MMatrix.DENSE_LIMIT + 150;
            double[][][] chain = cycle(seed, n, 0.004);
            // nothing leads to state 0, which leads into the cycle at state 1: a start outside the cycle
            for (double[] row : chain[0]) {
                row[1] += row[0];
                row[0] = 0;
            }
            java.util.Arrays.fill(chain[0][0], 0);
            chain[0][0][1] = 0.7;
            chain[1][0] = new double[] {0.2, 0.1};
            Random random = new Random(seed);
            int[][] sets = new int[16][];
            for (int o = 0; o < sets.length; o++) {
                sets[o] = new int[] {2 + random.nextInt(n - 2), 2 + random.nextInt(n - 2)};
            }
            SolvedChain solved = SolvedChain.of(DenseChainSolve.sparse(chain[0], chain[1]));
            for (int start : new int[] {0, n / 2}) {
                double[] together = solved.withoutEach(start, 0, sets);
                for (int o = 0; o < sets.length; o++) {
                    assertThat(together[o]).as("seed %d, start %d, set %d", seed, start, o)
                            .isCloseTo(withoutByDenseSolve(chain[0], chain[1], sets[o], start, 0), within(3e-12));
                }
            }
        }
    }

    /**
     * A large cycle as a higher-order chain makes them: hubs that journeys leave, and between them runs of
     * pass-through states (one transition each, nothing leaving), some merging into another run, some leading back to
     * the hub they start from. The sweeps fold the runs away ({@link FoldedCycle}); removals of a run's first, middle
     * and last states, of whole runs, of hubs and of random sets, started at a hub and inside a run, equal the dense
     * solves without each set.
     */
    @Test
    void removalsSolvedTogetherThroughRunsOfPassThroughStatesEqualSolvesWithoutEachSet() {
        for (long seed = 1; seed <= 3; seed++) {
            Random random = new Random(seed);
            int hubs = 60;
            int runs = 80;
            int[] runStart = new int[runs + 1];
            runStart[0] = hubs;
            for (int t = 0; t < runs; t++) {
                runStart[t + 1] = runStart[t] + 1 + random.nextInt(5);
            }
            int n = runStart[runs];
            double[][] q = new double[n][n];
            double[][] r = new double[n][2];
            for (int t = 0; t < runs; t++) {
                int feeder = t % hubs;
                for (int s = runStart[t]; s < runStart[t + 1] - 1; s++) {
                    q[s][s + 1] = 1;
                }
                int last = runStart[t + 1] - 1;
                int end = switch (t % 4) {
                    case 0 -> feeder; // back to the hub it starts from
                    case 1 -> t > 1 ? runStart[t - 1] + (runStart[t] - runStart[t - 1]) / 2 : 1; // into another run
                    default -> random.nextInt(hubs);
                };
                q[last][end] = 1;
                q[feeder][runStart[t]] += 0.2 + 0.2 * random.nextDouble();
            }
            for (int i = 0; i < hubs; i++) {
                double leave = 0.05 * (0.5 + random.nextDouble());
                q[i][(i + 1) % hubs] += 0.5;
                q[i][random.nextInt(hubs)] += 0.3 * random.nextDouble();
                double total = 0;
                for (int j = 0; j < n; j++) {
                    total += q[i][j];
                }
                for (int j = 0; j < n; j++) {
                    q[i][j] *= (1 - leave) / total;
                }
                r[i][0] = leave * random.nextDouble();
                r[i][1] = leave - r[i][0];
            }
            int[][] sets = new int[64][];
            for (int o = 0; o < sets.length; o++) {
                int t = random.nextInt(runs);
                int length = runStart[t + 1] - runStart[t];
                sets[o] = switch (o % 6) {
                    case 0 -> new int[] {runStart[t]};
                    case 1 -> new int[] {runStart[t] + length / 2};
                    case 2 -> new int[] {runStart[t + 1] - 1, 1 + random.nextInt(hubs - 1)};
                    case 3 -> java.util.stream.IntStream.range(runStart[t], runStart[t + 1]).toArray();
                    case 4 -> java.util.stream.IntStream.range(1, n).filter(i -> random.nextInt(15) == 0).toArray();
                    default -> o == 5 ? new int[0] : new int[] {1 + random.nextInt(hubs - 1)};
                };
            }
            SolvedChain solved = SolvedChain.of(DenseChainSolve.sparse(q, r));
            assertThat(solved.largestCycle()).isGreaterThan(MMatrix.DENSE_LIMIT);
            for (int start : new int[] {0, runStart[runs / 2] + 1}) {
                double[] together = solved.withoutEach(start, 0, sets);
                for (int o = 0; o < sets.length; o++) {
                    assertThat(together[o]).as("seed %d, start %d, set %d", seed, start, o)
                            .isCloseTo(withoutByDenseSolve(q, r, sets[o], start, 0), within(EXACT));
                }
            }
        }
    }

    @Test
    void aRemovalThatLeavesNoWayToTheOutcomeIsZeroAtOnce() {
        // 250 states in one cycle, only state 7 reaches outcome 0: without it nothing converts. Swept from the
        // probabilities before the removal, that zero would shrink by a factor a sweep until it underflowed,
        // some fifty times the sweeps of a column above 0; the work limit here allows twice the least that solves one
        int n = MMatrix.DENSE_LIMIT + 150;
        int gate = 7;
        Random random = new Random(11);
        SparseChain.Builder builder = SparseChain.builder(n, 2);
        for (int i = 0; i < n; i++) {
            builder.add(i, random.nextInt(n), 0.4).add(i, random.nextInt(n), 0.4).absorb(i, 1, 0.1);
            if (i == gate) {
                builder.absorb(i, 0, 0.1);
            }
        }
        SparseChain chain = builder.build();
        int other = 100;
        double withoutOther = SolvedChain.of(chain).without(0, 0, removedStates(n, other));
        SolvedChain solved = SolvedChain.of(chain, 2 * leastWorkLimit(chain, new int[][] {{other}}));
        assertThat(solved.withoutEach(0, 0, new int[][] {{gate}, {other}}))
                .containsExactly(new double[] {0, withoutOther}, within(EXACT));
        assertThat(solved.without(0, 0, removedStates(n, gate))).isZero();
    }

    /** The least work limit, to a factor of two, under which the chain and these removals are solved. */
    private static long leastWorkLimit(SparseChain chain, int[][] removals) {
        for (long limit = 1_000; ; limit *= 2) {
            try {
                SolvedChain.of(chain, limit).withoutEach(0, 0, removals);
                return limit;
            } catch (ChainNotSolvedException tooLittle) {
                // twice as much next
            }
        }
    }

    private static boolean[] removedStates(int n, int... states) {
        boolean[] removed = new boolean[n];
        for (int state : states) {
            removed[state] = true;
        }
        return removed;
    }

    @Test
    void solvesAtMostSixtyFourRemovalsTogether() {
        SolvedChain solved = SolvedChain.of(SparseChain.builder(2, 1).add(0, 1, 0.5).absorb(1, 0, 1).build());
        assertThat(solved.withoutEach(0, 0, new int[][] {{}, {1}, {0}})).containsExactly(0.5, 0, 0);
        assertThatIllegalArgumentException().isThrownBy(() -> solved.withoutEach(0, 0, new int[65][0]))
                .withMessageContaining("at most 64");
    }

    @Test
    void removalsSolvedTogetherStopAtTheRequestsTimeBudget() {
        // a ring of 3,000 states leaving it with 1 %: the 64 removals take seconds unbudgeted, far past 20 ms
        int n = 3_000;
        Random random = new Random(5);
        SparseChain.Builder builder = SparseChain.builder(n, 2);
        for (int i = 0; i < n; i++) {
            double chord = 0.2 * random.nextDouble();
            builder.add(i, (i + 1) % n, 0.99 - chord).add(i, random.nextInt(n), chord).absorb(i, 0, 0.005)
                    .absorb(i, 1, 0.005);
        }
        SolvedChain solved = SolvedChain.of(builder.build());
        int[][] sets = new int[64][];
        for (int o = 0; o < sets.length; o++) {
            sets[o] = new int[] {1 + o * 40};
        }
        // no removal first: the bound on the inverse is then known, and the budget is spent in the removals' sweeps
        assertThat(solved.withoutEach(0, 0, new int[][] {{}})[0]).isCloseTo(solved.probability(0, 0), within(EXACT));
        assertThatExceptionOfType(WorkBudgetExceededException.class).isThrownBy(() -> WorkBudget.within(
                Duration.ofMillis(20), "order=1", () -> solved.withoutEach(0, 0, sets)));
    }

    private static double withoutByDenseSolve(double[][] q, double[][] r, int[] set, int start, int outcome) {
        double[][][] cut = DenseChainSolve.without(q, r, removedStates(q.length, set));
        return DenseChainSolve.absorption(cut[0], cut[1])[start][outcome];
    }

    @Test
    void aSelfLoopOfNearlyOneOnlyDelaysAbsorption() {
        // A stays with 0.9999 and leaves to buy or abandon with 0.00003 and 0.00007: 0.3 and 0.7, to every digit
        SparseChain chain = SparseChain.builder(2, 2).add(0, 1, 1).add(1, 1, 0.9999).absorb(1, 0, 0.00003)
                .absorb(1, 1, 0.00007).build();
        SolvedChain solved = SolvedChain.of(chain);
        assertThat(solved.probability(0, 0)).isCloseTo(0.3, within(1e-15));
        assertThat(solved.probability(1, 1)).isCloseTo(0.7, within(1e-15));
        // without 1 nothing is reached
        assertThat(solved.withoutEach(0, 0)[1]).isZero();
    }

    @Test
    void aLoopOfNearlyOneBetweenTwoStatesIsSolvedExactly() {
        // a ↔ b with 0.9999; a buys with 0.0001, b abandons with 0.0001.
        // x_a = 0.0001 + 0.9999 x_b, x_b = 0.9999 x_a, so x_a = 0.0001 / (1 - 0.9999²) = 1 / 1.9999
        SparseChain chain = SparseChain.builder(2, 2).add(0, 1, 0.9999).add(1, 0, 0.9999).absorb(0, 0, 0.0001)
                .absorb(1, 1, 0.0001).build();
        SolvedChain solved = SolvedChain.of(chain);
        assertThat(solved.probability(0, 0)).isCloseTo(1 / 1.9999, within(1e-13));
        assertThat(solved.probability(1, 0)).isCloseTo(0.9999 / 1.9999, within(1e-13));
        assertThat(solved.probability(0, 0) + solved.probability(0, 1)).isCloseTo(1, within(1e-13));
    }

    @Test
    void aClosedLoopReachesNoOutcome() {
        // 0 → 1 ↔ 2 forever, or 0 → buy: half the journeys are never absorbed
        SparseChain chain = SparseChain.builder(3, 1).add(0, 1, 0.5).absorb(0, 0, 0.5).add(1, 2, 1).add(2, 1, 1)
                .build();
        SolvedChain solved = SolvedChain.of(chain);
        assertThat(solved.probability(0, 0)).isEqualTo(0.5);
        assertThat(solved.probability(1, 0)).isZero();
        assertThat(solved.withoutEach(0, 0)).containsExactly(0, 0.5, 0.5);
    }

    @Test
    void largeCyclesAreSolvedIterativelyToTheDenseAnswer() {
        // a cycle larger than the dense limit goes to Gauss-Seidel; its error bound must hold
        for (long seed = 1; seed <= 3; seed++) {
            int n = MMatrix.DENSE_LIMIT + 150;
            double[][][] chain = cycle(seed, n, 0.05);
            double[][] expected = DenseChainSolve.absorption(chain[0], chain[1]);
            SolvedChain solved = SolvedChain.of(DenseChainSolve.sparse(chain[0], chain[1]));
            assertThat(solved.largestCycle()).isEqualTo(n);
            for (int i = 0; i < n; i++) {
                for (int o = 0; o < 2; o++) {
                    assertThat(solved.probability(i, o)).isCloseTo(expected[i][o], within(EXACT));
                }
            }
            // removal in a large cycle: a restricted solve per state
            double[] each = solved.withoutEach(0, 0);
            for (int k : new int[] {1, 7, n - 1}) {
                double[][][] cut = DenseChainSolve.without(chain[0], chain[1], removedStates(n, k));
                assertThat(each[k]).isCloseTo(DenseChainSolve.absorption(cut[0], cut[1])[0][0], within(EXACT));
            }
            // a set removed together: a restricted solve of the large cycle, started from the probabilities before
            boolean[] removed = removedStates(n, 7, n / 2);
            double[][][] cut = DenseChainSolve.without(chain[0], chain[1], removed);
            assertThat(solved.without(0, 0, removed)).as("seed %d", seed)
                    .isCloseTo(DenseChainSolve.absorption(cut[0], cut[1])[0][0], within(EXACT));
        }
    }

    @Test
    void largeCyclesFactoredForRemovalsAreSolvedThroughTheFactorsToTheDenseAnswer() {
        for (long seed = 1; seed <= 3; seed++) {
            int n = MMatrix.DENSE_DIAGONAL_LIMIT + 150;
            double[][][] chain = cycle(seed, n, 0.05);
            double[][] expected = DenseChainSolve.absorption(chain[0], chain[1]);
            SparseChain sparse = DenseChainSolve.sparse(chain[0], chain[1]);
            SolvedChain factored = SolvedChain.forRemovals(sparse);
            SolvedChain iterated = SolvedChain.of(sparse);
            assertThat(factored.largestCycle()).isEqualTo(n);
            boolean differs = false;
            for (int i = 0; i < n; i++) {
                for (int o = 0; o < 2; o++) {
                    assertThat(factored.probability(i, o)).isCloseTo(expected[i][o], within(EXACT));
                    differs |= factored.probability(i, o) != iterated.probability(i, o);
                }
            }
            // a different method (substitution, not sweeps) answers the same to the tolerance, not to the bit
            assertThat(differs).as("seed %d: solved by substitution", seed).isTrue();
            double[] each = factored.withoutEach(0, 0);
            double[] eachIterated = iterated.withoutEach(0, 0);
            for (int k : new int[] {1, 7, n / 2, n - 1}) {
                double[][][] cut = DenseChainSolve.without(chain[0], chain[1], removedStates(n, k));
                double without = DenseChainSolve.absorption(cut[0], cut[1])[0][0];
                assertThat(each[k]).isCloseTo(without, within(EXACT));
                assertThat(eachIterated[k]).isCloseTo(without, within(EXACT));
            }
        }
    }

    /** A ring through n states plus random chords, each state leaving the ring with probability about {@code out}. */
    private static double[][][] cycle(long seed, int n, double out) {
        Random random = new Random(seed);
        double[][] q = new double[n][n];
        double[][] r = new double[n][2];
        for (int i = 0; i < n; i++) {
            double leave = out * (0.5 + random.nextDouble());
            double chord = random.nextDouble() * 0.3;
            q[i][(i + 1) % n] += 1 - leave - chord;
            q[i][random.nextInt(n)] += chord;
            r[i][0] = leave * random.nextDouble();
            r[i][1] = leave - r[i][0];
        }
        return new double[][][] {q, r};
    }

    @Test
    void solvesAHundredThousandStateChain() {
        int n = 100_000;
        Random random = new Random(11);
        SparseChain.Builder builder = SparseChain.builder(n, 2);
        for (int i = 0; i < n; i++) {
            double[] w = new double[6];
            double total = 0;
            for (int e = 0; e < w.length; e++) {
                w[e] = random.nextDouble();
                total += w[e];
            }
            double absorbed = 0.05 + 0.3 * random.nextDouble(); // journeys of a few steps, as on a web site
            for (int e = 0; e < 5; e++) {
                builder.add(i, random.nextInt(n), (1 - absorbed) * w[e] / (total - w[5]));
            }
            builder.absorb(i, 0, absorbed * w[5] / total).absorb(i, 1, absorbed * (1 - w[5] / total));
        }
        SparseChain chain = builder.build();
        SolvedChain solved = SolvedChain.of(chain);
        assertThat(solved.largestCycle()).isGreaterThan(n / 2);
        double worstSum = 0;
        double lowest = 1;
        double highest = 0;
        for (int i = 0; i < n; i++) {
            double p0 = solved.probability(i, 0);
            worstSum = Math.max(worstSum, Math.abs(p0 + solved.probability(i, 1) - 1));
            lowest = Math.min(lowest, p0);
            highest = Math.max(highest, p0);
        }
        assertThat(worstSum).isLessThan(1e-9);
        assertThat(lowest).isGreaterThan(0);
        assertThat(highest).isLessThan(1);
        // the equations hold: x_i = r_i + Σ q_ij x_j (self-loops included)
        for (int i = 0; i < n; i += 997) {
            double sum = chain.absorption(i, 0) + chain.selfLoop(i) * solved.probability(i, 0);
            for (int e = chain.rowStart()[i]; e < chain.rowStart()[i + 1]; e++) {
                sum += chain.probability()[e] * solved.probability(chain.column()[e], 0);
            }
            assertThat(solved.probability(i, 0)).isCloseTo(sum, within(1e-11));
        }
        boolean[] removed = removedStates(n, 17, 4242);
        double without = solved.without(0, 0, removed);
        assertThat(without).isLessThanOrEqualTo(solved.probability(0, 0)).isGreaterThan(0);
    }

    @Test
    void aLargeLoopThatKeepsJourneysAlmostForeverIsAClearProblemNotAWrongNumber() {
        // a loop of 150 states, each stepping either way and leaving with 1e-12: journeys stay for about 1e12 steps
        int n = MMatrix.DENSE_LIMIT + 50;
        SparseChain.Builder builder = SparseChain.builder(n, 1);
        for (int i = 0; i < n; i++) {
            builder.add(i, (i + 1) % n, 0.5 - 5e-13).add(i, (i + n - 1) % n, 0.5 - 5e-13).absorb(i, 0, 1e-12);
        }
        SparseChain chain = builder.build();
        // the work bound lowered from 3e9 to 1e8 transition updates, to fail sooner
        assertThatExceptionOfType(ChainNotSolvedException.class).isThrownBy(() -> SolvedChain.of(chain, 100_000_000))
                .satisfies(e -> assertThat(e.componentSize()).isEqualTo(n))
                .withMessageContaining(n + " states");
    }

    @Test
    void rejectsRowsAboveOneAndBadProbabilities() {
        assertThatIllegalArgumentException().isThrownBy(() -> SparseChain.builder(2, 1).add(0, 1, 0.7)
                .absorb(0, 0, 0.5).build());
        assertThatIllegalArgumentException().isThrownBy(() -> SparseChain.builder(2, 1).add(0, 1, Double.NaN));
        assertThatIllegalArgumentException().isThrownBy(() -> SparseChain.builder(2, 1).add(0, 2, 0.5));
    }
}
