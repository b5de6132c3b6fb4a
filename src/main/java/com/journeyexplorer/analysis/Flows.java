package com.journeyexplorer.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Step-by-step flows of the selected journeys' shaped paths (to the first purchase) for a Sankey diagram over the first
 * {@code steps} steps. At each step the {@code topPerStep} most frequent labels are kept and the rest merged into
 * {@value #OTHER} (or, where a kept label is itself so named, as web analytics exports name a row, into the first of
 * {@code (other 2)}, {@code (other 3)} ... that none is: {@link Node#merged} tells the merged node apart). A node is
 * (step, label), a link joins step i to step i + 1, so the diagram is acyclic by construction. For every node, and so
 * for every step: {@code journeys = outgoing links + purchased + abandoned + diverted + open + beyond}, where the
 * outcome counts are the paths that end there ({@code open}: journeys still in progress, selected by
 * {@code includeOpen} or {@code outcome=open}, which stop there for now) and {@code beyond} the paths that go on past
 * the last step shown.
 *
 * @param nodes    by step, then descending journeys, the merged node last in its step
 * @param links    by step, then descending journeys, then labels
 * @param dropoffs per step, the totals of its nodes
 * @param total    selected journeys, weighted (= journeys at step 0)
 */
public record Flows(List<Node> nodes, List<Link> links, List<StepDropoff> dropoffs, long total) {

    public static final String OTHER = "(other)";
    /**
     * Counters per (step, label): journeys, then the paths ending there by outcome (slot 1 + the outcome's ordinal:
     * purchased, abandoned, diverted, open), then those going on ({@link #BEYOND}).
     */
    private static final int SLOTS = 6;
    private static final int BEYOND = 5;

    /**
     * One (step, label) node; steps count from 0.
     *
     * @param merged whether the node stands for the labels not kept at its step rather than for one label
     */
    public record Node(int step, String label, long journeys, long purchased, long abandoned, long diverted,
            long open, long beyond, boolean merged) {

        /** A stable id for diagram formats: {@code step:label}. */
        public String id() {
            return step + ":" + label;
        }
    }

    /** Journeys going from {@code from} at {@code step} to {@code to} at {@code step + 1}. */
    public record Link(int step, String from, String to, long journeys) {
    }

    /** Journeys at a step and how many paths end there, by outcome, or go on past the last step shown. */
    public record StepDropoff(int step, long journeys, long purchased, long abandoned, long diverted, long open,
            long beyond) {
    }

    public Flows {
        nodes = List.copyOf(nodes);
        links = List.copyOf(links);
        dropoffs = List.copyOf(dropoffs);
    }

    /**
     * One pass over the journeys counting per step and label id the journeys and where their paths end, and per step
     * the label → label links; labels not kept at a step are then merged into {@value #OTHER}, which gives the same
     * counts as merging them first. O(events + steps · labels · log labels), plus the links.
     *
     * @param steps      how many steps to show, at least 1
     * @param topPerStep how many labels to keep per step, at least 1
     */
    public static Flows of(JourneySnapshot snapshot, JourneySelection selection, PathShaping shaping, int steps,
            int topPerStep) {
        return of(snapshot, selection, shaping, steps, topPerStep, TwoHalves.PARALLEL_FROM);
    }

    /** As {@link #of(JourneySnapshot, JourneySelection, PathShaping, int, int)}, halves from {@code parallelFrom}. */
    static Flows of(JourneySnapshot snapshot, JourneySelection selection, PathShaping shaping, int steps,
            int topPerStep, int parallelFrom) {
        if (steps < 1 || topPerStep < 1) {
            throw new IllegalArgumentException("steps and topPerStep must be at least 1");
        }
        IntPredicate selected = selection.positions(snapshot);
        PathShaper shaper = shaping.shaper(snapshot);
        int labels = shaper.labelCount();
        JourneyColumns columns = JourneyColumns.of(snapshot);
        StepEdges edges = StepEdges.of(snapshot);
        StepCounts counted = TwoHalves.count(snapshot.journeys().size(), parallelFrom,
                (from, to) -> StepCounts.of(edges, columns, from, to, selected, shaper, steps), StepCounts::add);
        long[][] nodeCounts = counted.nodes;
        EdgeTallies[] linkCounts = counted.links;
        long total = counted.total;
        String[][] shownAs = new String[steps][];
        String[] mergedAs = new String[steps];
        for (int i = 0; i < steps; i++) {
            Set<String> kept = keptLabels(nodeCounts[i], shaper, topPerStep);
            mergedAs[i] = mergedName(kept);
            shownAs[i] = shownLabels(kept, mergedAs[i], shaper);
        }
        Map<String, long[]> nodeTallies = new HashMap<>();
        for (int i = 0; i < steps; i++) {
            for (int label = 0; label < labels; label++) {
                if (nodeCounts[i][label * SLOTS] > 0) {
                    long[] node = nodeTallies.computeIfAbsent(i + "\u0000" + shownAs[i][label], key -> new long[SLOTS]);
                    for (int slot = 0; slot < SLOTS; slot++) {
                        node[slot] += nodeCounts[i][label * SLOTS + slot];
                    }
                }
            }
        }
        Map<String, long[]> linkTallies = new HashMap<>();
        for (int i = 0; i + 1 < steps; i++) {
            EdgeTallies links = linkCounts[i];
            for (int edge = 0; edge < links.size(); edge++) {
                String key = i + "\u0000" + shownAs[i][links.from[edge]] + "\u0000"
                        + shownAs[i + 1][links.to[edge]];
                linkTallies.computeIfAbsent(key, unused -> new long[1])[0] += links.count(edge);
            }
        }
        return assemble(nodeTallies, linkTallies, mergedAs, total);
    }

    /** Per step and label id, the journeys and where their paths end ({@link #SLOTS}); per step, the next links. */
    private static final class StepCounts {

        /** At most this many link counters per step edge array (8 MB a pass), else the links go to hash tallies. */
        private static final long EDGE_TALLY_CELLS = 1 << 20;

        final long[][] nodes;
        final EdgeTallies[] links;
        long total;

        private StepCounts(int steps, int labels) {
            nodes = new long[steps][labels * SLOTS];
            links = new EdgeTallies[steps - 1];
            for (int i = 0; i + 1 < steps; i++) {
                links[i] = new EdgeTallies(labels, false);
            }
        }

        /**
         * Counts the selected records among positions {@code [from, to)}. When every step is a label of its own (the
         * default shaping), a link is the record's step edge, and the links are tallied in an array per step indexed
         * by the edge id instead of a hash table of label pairs (half of the pass on the clickstream): the ids are
         * numbered by descending traffic, so the busy edges' counters share a few cache lines. The pairs are then
         * added to the same tallies once per edge taken, so the answer is the same.
         */
        static StepCounts of(StepEdges edges, JourneyColumns columns, int from, int to, IntPredicate selected,
                PathShaper shaper, int steps) {
            StepCounts counts = new StepCounts(steps, shaper.labelCount());
            long[][] nodeCounts = counts.nodes;
            EdgeTallies[] linkCounts = counts.links;
            long[][] linksByEdge = shaper.labelsEachStep()
                    && (long) (steps - 1) * edges.edgeCount() <= EDGE_TALLY_CELLS
                    ? new long[steps - 1][edges.edgeCount()] : null;
            LabelPath path = new LabelPath();
            int labelLimit = (int) Math.min(Integer.MAX_VALUE, steps + 1L);
            for (int position = from; position < to; position++) {
                if ((position & 0xFFFF) == 0) {
                    WorkBudget.check();
                }
                if (!selected.test(position)) {
                    continue;
                }
                // one label past the last step shown tells whether the path goes on
                shaper.shape(edges, position, true, path, labelLimit);
                int weight = columns.weight(position);
                counts.total += weight;
                int shown = Math.min(steps, path.length);
                int pairs = edges.start(position) - 1;
                for (int i = 0; i < shown; i++) {
                    int label = path.labels[i];
                    nodeCounts[i][label * SLOTS] += weight;
                    if (i == 0) {
                        continue;
                    }
                    if (linksByEdge != null) {
                        linksByEdge[i - 1][edges.edgeAt(pairs + i)] += weight;
                    } else {
                        linkCounts[i - 1].add(path.labels[i - 1], label, weight);
                    }
                }
                int slot = shown < path.length ? BEYOND : 1 + columns.outcome(position);
                nodeCounts[shown - 1][path.labels[shown - 1] * SLOTS + slot] += weight;
            }
            if (linksByEdge != null) {
                for (int i = 0; i < linksByEdge.length; i++) {
                    long[] byEdge = linksByEdge[i];
                    for (int edge = 0; edge < byEdge.length; edge++) {
                        if (byEdge[edge] != 0) {
                            linkCounts[i].add(shaper.labelOf(edges.from(edge)), shaper.labelOf(edges.to(edge)),
                                    byEdge[edge]);
                        }
                    }
                }
            }
            return counts;
        }

        /** Adds the counts of {@code later}. */
        StepCounts add(StepCounts later) {
            for (int i = 0; i < nodes.length; i++) {
                for (int cell = 0; cell < nodes[i].length; cell++) {
                    nodes[i][cell] += later.nodes[i][cell];
                }
            }
            for (int i = 0; i < links.length; i++) {
                links[i].addAll(later.links[i]);
            }
            total += later.total;
            return this;
        }
    }

    /** The {@code topPerStep} labels most journeys reach at a step (ties by label). */
    private static Set<String> keptLabels(long[] nodeCounts, PathShaper shaper, int topPerStep) {
        Map<String, Long> counts = new HashMap<>();
        for (int label = 0; label < shaper.labelCount(); label++) {
            if (nodeCounts[label * SLOTS] > 0) {
                counts.put(shaper.labelName(label), nodeCounts[label * SLOTS]);
            }
        }
        Set<String> kept = new HashSet<>();
        LabelCount.top(counts, 0, topPerStep).forEach(count -> kept.add(count.label()));
        return kept;
    }

    /**
     * The name of a step's merged node: {@value #OTHER}, unless a label kept at that step is so named (GA exports name
     * a row so), then the first of {@code (other 2)}, {@code (other 3)} ... that no kept label is, so that the two
     * nodes keep apart and neither's journeys count in the other.
     */
    public static String mergedName(Set<String> kept) {
        String name = OTHER;
        for (int n = 2; kept.contains(name); n++) {
            name = "(other " + n + ")";
        }
        return name;
    }

    /** For each label id, how a step shows it: its name if kept, the step's merged node's name otherwise. */
    private static String[] shownLabels(Set<String> kept, String merged, PathShaper shaper) {
        String[] shown = new String[shaper.labelCount()];
        for (int label = 0; label < shown.length; label++) {
            String name = shaper.labelName(label);
            shown[label] = kept.contains(name) ? name : merged;
        }
        return shown;
    }

    private static Flows assemble(Map<String, long[]> nodeTallies, Map<String, long[]> linkTallies,
            String[] mergedAs, long total) {
        int steps = mergedAs.length;
        List<Node> nodes = new ArrayList<>(nodeTallies.size());
        nodeTallies.forEach((key, t) -> {
            String[] parts = key.split("\u0000", 2);
            int step = Integer.parseInt(parts[0]);
            nodes.add(new Node(step, parts[1], t[0], t[1], t[2], t[3], t[4], t[5], parts[1].equals(mergedAs[step])));
        });
        nodes.sort(Comparator.comparingInt(Node::step)
                .thenComparing(Node::merged)
                .thenComparing(Comparator.comparingLong(Node::journeys).reversed())
                .thenComparing(Node::label));
        List<Link> links = new ArrayList<>(linkTallies.size());
        linkTallies.forEach((key, t) -> {
            String[] parts = key.split("\u0000", 3);
            links.add(new Link(Integer.parseInt(parts[0]), parts[1], parts[2], t[0]));
        });
        links.sort(Comparator.comparingInt(Link::step).thenComparing(Comparator.comparingLong(Link::journeys).reversed())
                .thenComparing(Link::from).thenComparing(Link::to));
        long[][] perStep = new long[steps][SLOTS];
        for (Node node : nodes) {
            long[] sums = perStep[node.step()];
            sums[0] += node.journeys();
            sums[1] += node.purchased();
            sums[2] += node.abandoned();
            sums[3] += node.diverted();
            sums[4] += node.open();
            sums[5] += node.beyond();
        }
        List<StepDropoff> dropoffs = new ArrayList<>(steps);
        for (int i = 0; i < steps; i++) {
            long[] sums = perStep[i];
            dropoffs.add(new StepDropoff(i, sums[0], sums[1], sums[2], sums[3], sums[4], sums[5]));
        }
        return new Flows(nodes, links, dropoffs, total);
    }
}
