package com.journeyexplorer.analysis.attribution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import com.journeyexplorer.analysis.TouchpointLabels;
import com.journeyexplorer.journey.Journey;

/**
 * A heuristic model whose share of a step depends only on the step's position and the path's length, and is the same
 * for every step between the first and the last: first touch, last touch, linear and position-based.
 *
 * <p>So a label's credit is a sum over path lengths n and the three roles (first step, a middle step, last step) of
 * {@code (weights of its steps in that role) × share}: the weights are counted as integers and the values summed
 * exactly ({@link ExactSum}), and the shares applied at the end in a fixed order. No path is sorted or kept: the
 * result is bitwise the same for the paths in any order. O(total steps + labels · longest path).
 */
public abstract sealed class PositionalModel extends HeuristicModel
        permits FirstTouch, LastTouch, LinearTouch, PositionBased {

    /**
     * The share of step {@code step} (0-based) of a path of {@code length} steps; the shares of a path sum to 1 and
     * are equal for all steps but the first and the last.
     */
    protected abstract double share(int step, int length);

    @Override
    public final Attribution attribute(List<AttributionPath> paths) {
        LabelTable table = LabelTable.of(paths);
        Counts counts = new Counts(this, table.labels().size());
        table.encode(paths, counts);
        return counts.attribution(table.labels());
    }

    @Override
    public final AttributionAccumulator accumulator(TouchpointLabels labels) {
        return new Accumulator(labels, new Counts(this, labels.count()));
    }

    /** The counts of the journeys added, by the labels' ids; merges another's exactly. */
    private static final class Accumulator implements AttributionAccumulator.Merging {
        private final TouchpointLabels labels;
        private final int[] labelOf;
        private final Counts counts;

        Accumulator(TouchpointLabels labels, Counts counts) {
            this.labels = labels;
            this.labelOf = labels.labelOfEachTouchpoint();
            this.counts = counts;
        }

        @Override
        public void add(Journey journey) {
            counts.addJourney(journey, labelOf);
        }

        @Override
        public void addAll(Merging later) {
            counts.addAll(((Accumulator) later).counts);
        }

        @Override
        public Attribution attribution() {
            return counts.attribution(labels.names());
        }
    }

    /** Per label, role and path length: the weights (conversions) and exact value sums of converting paths. */
    private static final class Counts implements PathCounter {

        private static final int FIRST = 0;
        private static final int MIDDLE = 1;
        private static final int LAST = 2;
        private static final int ROLES = 3;

        private final PositionalModel model;
        private final long[][] weights;
        private final ExactSum[][] values;
        private long conversions;
        private final ExactSum totalValue = new ExactSum();

        Counts(PositionalModel model, int labels) {
            this.model = model;
            this.weights = new long[labels * ROLES][];
            this.values = new ExactSum[labels * ROLES][];
            Arrays.fill(weights, new long[0]);
            Arrays.fill(values, new ExactSum[0]);
        }

        @Override
        public void add(int[] steps, int length, int[] labelOf, boolean converted, long weight, double value) {
            if (!converted) {
                return;
            }
            conversions += weight;
            totalValue.add(value);
            if (model.share(0, length) != 0) {
                count(labelOf[steps[0]], FIRST, length, weight, value);
            }
            if (length > 1 && model.share(length - 1, length) != 0) {
                count(labelOf[steps[length - 1]], LAST, length, weight, value);
            }
            if (length > 2 && model.share(1, length) != 0) {
                for (int i = 1; i < length - 1; i++) {
                    count(labelOf[steps[i]], MIDDLE, length, weight, value);
                }
            }
        }

        /** Adds the counts of {@code later} (of the same model and labels): integer weights and exact sums. */
        void addAll(Counts later) {
            conversions += later.conversions;
            totalValue.addAll(later.totalValue);
            for (int row = 0; row < weights.length; row++) {
                for (int length = 1; length < later.weights[row].length; length++) {
                    if (later.weights[row][length] != 0 || later.values[row][length] != null) {
                        grow(row, length);
                        weights[row][length] += later.weights[row][length];
                        if (later.values[row][length] != null) {
                            if (values[row][length] == null) {
                                values[row][length] = new ExactSum();
                            }
                            values[row][length].addAll(later.values[row][length]);
                        }
                    }
                }
            }
        }

        private void grow(int row, int length) {
            if (weights[row].length <= length) {
                int size = Math.max(length + 1, 2 * weights[row].length);
                weights[row] = Arrays.copyOf(weights[row], size);
                values[row] = Arrays.copyOf(values[row], size);
            }
        }

        private void count(int label, int role, int length, long weight, double value) {
            int row = label * ROLES + role;
            grow(row, length);
            weights[row][length] += weight;
            ExactSum sum = values[row][length];
            if (sum == null) {
                sum = new ExactSum();
                values[row][length] = sum;
            }
            sum.add(value);
        }

        /** Credits in label order; within a label, roles first, middle, last, each by path length ascending. */
        Attribution attribution(List<String> labels) {
            List<Attribution.Credit> credits = new ArrayList<>();
            for (int label = 0; label < labels.size(); label++) {
                boolean credited = false;
                double creditedConversions = 0;
                double creditedValue = 0;
                for (int role = 0; role < ROLES; role++) {
                    int row = label * ROLES + role;
                    for (int length = 1; length < weights[row].length; length++) {
                        if (weights[row][length] == 0) {
                            continue;
                        }
                        credited = true;
                        double share = model.share(role == FIRST ? 0 : role == LAST ? length - 1 : 1, length);
                        creditedConversions += weights[row][length] * share;
                        creditedValue += values[row][length].value() * share;
                    }
                }
                if (credited) {
                    credits.add(new Attribution.Credit(labels.get(label), creditedConversions, creditedValue));
                }
            }
            return new Attribution(model.name(), credits, conversions, totalValue.value());
        }
    }
}
