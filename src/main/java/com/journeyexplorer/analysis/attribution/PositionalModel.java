package com.journeyexplorer.analysis.attribution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import com.journeyexplorer.analysis.FrustrationEvents;
import com.journeyexplorer.analysis.StepEdges;
import com.journeyexplorer.analysis.TouchpointLabels;
import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;

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
        /** The steps of the converting record added by position last, read from its step column. */
        private int[] recordSteps = new int[16];
        /** The touches of the converting record with frustration events added by position last. */
        private final ColumnTouches touches = new ColumnTouches();

        Accumulator(TouchpointLabels labels, Counts counts) {
            this.labels = labels;
            this.labelOf = labels.labelOfEachTouchpoint();
            this.counts = counts;
        }

        @Override
        public void add(Journey journey) {
            counts.addJourney(journey, labelOf);
        }

        /**
         * As {@link #add(Journey)}; only converting journeys count, their steps read from {@code edges}: all of them
         * where the middle steps have a share, else the first and the last only.
         */
        @Override
        public void add(Journey journey, StepEdges edges, int position) {
            if (journey.outcome() != Outcome.PURCHASE) {
                return;
            }
            int length = Math.max(1, journey.purchaseIndex());
            if (length > 2 && counts.model.share(1, length) != 0) {
                recordSteps = edges.steps(position, length, recordSteps);
            } else {
                if (recordSteps.length < length) {
                    recordSteps = new int[Math.max(length, 2 * recordSteps.length)];
                }
                recordSteps[0] = edges.first(position);
                recordSteps[length - 1] = edges.step(position, length - 1);
            }
            counts.add(recordSteps, length, labelOf, true, journey.weight(), Math.max(0, journey.value()));
        }

        /** As {@link #add(Journey)}; a converting record's touches read from {@code edges} ({@link ColumnTouches}). */
        @Override
        public void add(Journey journey, StepEdges edges, int position, FrustrationEvents.Records frustrated) {
            if (!frustrated.has(position)) {
                add(journey, edges, position);
            } else if (journey.outcome() == Outcome.PURCHASE) {
                int length = touches.read(edges, position, Math.max(1, journey.purchaseIndex()), frustrated);
                counts.add(touches.steps(), length, labelOf, true, journey.weight(), Math.max(0, journey.value()));
            }
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

    /**
     * Per label, role and path length: the weights (conversions) and exact value sums of converting paths. Each
     * (label, role) row is one {@code long[]} of three longs per path length, the weight and the value's 128-bit
     * fixed-point sum ({@link ExactSum#addInto}) side by side, so counting a step touches one array: a path's value is
     * split into its fixed-point parts once and added to every step's row. Values outside the fixed-point range, and
     * sums that outgrow it, are kept exactly in an {@link ExactSum} per cell beside the rows (rare).
     */
    private static final class Counts implements PathCounter {

        private static final int FIRST = 0;
        private static final int MIDDLE = 1;
        private static final int LAST = 2;
        private static final int ROLES = 3;
        /** Longs per (row, length) cell: weight, value's high and low words. */
        private static final int CELL = 3;
        private static final long[] EMPTY = new long[0];

        private final PositionalModel model;
        private final long[][] rows;
        /** By {@code row << 32 | length}: the value terms and sums that did not fit the fixed point. */
        private final Map<Long, ExactSum> rest = new HashMap<>();
        private long conversions;
        private final ExactSum totalValue = new ExactSum();

        Counts(PositionalModel model, int labels) {
            this.model = model;
            this.rows = new long[labels * ROLES][];
            Arrays.fill(rows, EMPTY);
        }

        @Override
        public void add(int[] steps, int length, int[] labelOf, boolean converted, long weight, double value) {
            if (!converted) {
                return;
            }
            conversions += weight;
            totalValue.add(value);
            boolean fixed = ExactSum.isFixedPoint(value);
            long high = fixed ? ExactSum.fixedHigh(value) : 0;
            long low = fixed ? ExactSum.fixedLow(value) : 0;
            if (model.share(0, length) != 0) {
                count(labelOf[steps[0]] * ROLES + FIRST, length, weight, value, fixed, high, low);
            }
            if (length > 1 && model.share(length - 1, length) != 0) {
                count(labelOf[steps[length - 1]] * ROLES + LAST, length, weight, value, fixed, high, low);
            }
            if (length > 2 && model.share(1, length) != 0) {
                for (int i = 1; i < length - 1; i++) {
                    count(labelOf[steps[i]] * ROLES + MIDDLE, length, weight, value, fixed, high, low);
                }
            }
        }

        /** Adds the counts of {@code later} (of the same model and labels): integer weights and exact sums. */
        void addAll(Counts later) {
            conversions += later.conversions;
            totalValue.addAll(later.totalValue);
            for (int row = 0; row < rows.length; row++) {
                long[] cells = later.rows[row];
                for (int at = CELL; at < cells.length; at += CELL) {
                    if (cells[at] != 0) {
                        int length = at / CELL;
                        long[] own = grow(row, length);
                        own[at] += cells[at];
                        if (!ExactSum.addInto(own, at + 1, cells[at + 1], cells[at + 2])) {
                            spill(row, length, own).addFixedPoint(cells[at + 1], cells[at + 2]);
                        }
                    }
                }
            }
            later.rest.forEach((key, sum) -> rest.computeIfAbsent(key, k -> new ExactSum()).addAll(sum));
        }

        private long[] grow(int row, int length) {
            long[] cells = rows[row];
            if (cells.length <= CELL * length) {
                cells = Arrays.copyOf(cells, CELL * Math.max(length + 1, 2 * (cells.length / CELL)));
                rows[row] = cells;
            }
            return cells;
        }

        private void count(int row, int length, long weight, double value, boolean fixed, long high, long low) {
            long[] cells = grow(row, length);
            int at = CELL * length;
            cells[at] += weight;
            if (!fixed) {
                restOf(row, length).add(value);
            } else if (!ExactSum.addInto(cells, at + 1, high, low)) {
                spill(row, length, cells).add(value);
            }
        }

        /** Moves the cell's fixed-point value sum into its exact remainder (which then takes the term too). */
        private ExactSum spill(int row, int length, long[] cells) {
            int at = CELL * length;
            ExactSum sum = restOf(row, length);
            sum.addFixedPoint(cells[at + 1], cells[at + 2]);
            cells[at + 1] = 0;
            cells[at + 2] = 0;
            return sum;
        }

        private ExactSum restOf(int row, int length) {
            return rest.computeIfAbsent((long) row << 32 | length, key -> new ExactSum());
        }

        /** The exact value sum of a cell, rounded to the nearest double. */
        private double value(int row, int length) {
            long[] cells = rows[row];
            int at = CELL * length;
            ExactSum remainder = rest.isEmpty() ? null : rest.get((long) row << 32 | length);
            if (remainder == null) {
                return ExactSum.nearestDouble(cells[at + 1], cells[at + 2]);
            }
            ExactSum sum = new ExactSum();
            sum.addAll(remainder);
            sum.addFixedPoint(cells[at + 1], cells[at + 2]);
            return sum.value();
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
                    long[] cells = rows[row];
                    for (int length = 1; CELL * length < cells.length; length++) {
                        long weight = cells[CELL * length];
                        if (weight == 0) {
                            continue;
                        }
                        credited = true;
                        double share = model.share(role == FIRST ? 0 : role == LAST ? length - 1 : 1, length);
                        creditedConversions += weight * share;
                        creditedValue += value(row, length) * share;
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
