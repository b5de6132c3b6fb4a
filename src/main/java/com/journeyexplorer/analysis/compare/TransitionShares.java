package com.journeyexplorer.analysis.compare;

import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.NodeSpace;
import com.journeyexplorer.analysis.StepEdges;
import com.journeyexplorer.journey.Outcome;

import java.util.Arrays;
import java.util.List;

/**
 * The transitions that the journeys of a and b make at least once, over a {@link NodeSpace} (start and outcome nodes
 * included), so that each transition's share of journeys is a binomial proportion. Fed once per path variant with its
 * journeys in a and b, as every journey of a variant makes the same transitions; each side counts in its own
 * {@link Side}, one variant standing for its journeys. A variant's steps are read as the edge ids of the
 * {@link StepEdges} of one of its records, so a transition is found by array index, without a hash probe: a
 * transition between touchpoints is its edge, one from the start node its target, one into an outcome node its source
 * and outcome. O(variants' steps), plus O(edges + touchpoints) for each side's index.
 */
final class TransitionShares {

    private static final int OUTCOMES = Outcome.values().length;

    private final NodeSpace nodes;
    private final StepEdges steps;
    private final Side sideA;
    private final Side sideB;
    /** After {@link #finish}: per key, the transition of a or, for one only b made, -1 - the transition of b. */
    private int[] keyTransitions;
    private long[] countsA;
    private long[] countsB;

    TransitionShares(NodeSpace nodes, StepEdges steps) {
        this.nodes = nodes;
        this.steps = steps;
        int slots = steps.edgeCount() + nodes.touchpointCount() * (1 + OUTCOMES);
        this.sideA = new Side(slots);
        this.sideB = new Side(slots);
    }

    /**
     * Adds the transitions of the path of {@code length} steps that the record at {@code position} begins with,
     * ending in {@code outcome}.
     */
    void add(int position, int length, int outcome, long journeysA, long journeysB) {
        if (journeysA > 0) {
            walk(sideA, position, length, outcome, journeysA);
        }
        if (journeysB > 0) {
            walk(sideB, position, length, outcome, journeysB);
        }
    }

    private void walk(Side side, int position, int length, int outcome, long journeys) {
        int edges = steps.edgeCount();
        int first = steps.first(position);
        side.startWalk();
        side.add(edges + first, journeys);
        int start = steps.start(position);
        int end = start + length - 1;
        for (int k = start; k < end; k++) {
            side.add(steps.edgeAt(k), journeys);
        }
        int source = length > 1 ? steps.to(steps.edgeAt(end - 1)) : first;
        side.add(edges + nodes.touchpointCount() + source * OUTCOMES + outcome, journeys);
    }

    /**
     * Adds the transitions of {@code later}, fed the keys after this one's: each side's transitions keep their
     * numbers, and {@code later}'s new ones follow in its order of first use, as one count of both would have
     * numbered them. O(later's transitions).
     */
    TransitionShares addAll(TransitionShares later) {
        sideA.addAll(later.sideA);
        sideB.addAll(later.sideB);
        return this;
    }

    /** Lists the transitions of a, then those only b made, with their journeys in each. O(transitions). */
    void finish() {
        int onlyB = 0;
        for (int transition = 0; transition < sideB.size; transition++) {
            if (sideA.find(sideB.slotOf[transition]) < 0) {
                onlyB++;
            }
        }
        int keys = sideA.size + onlyB;
        keyTransitions = new int[keys];
        countsA = new long[keys];
        countsB = new long[keys];
        for (int transition = 0; transition < sideA.size; transition++) {
            int slot = sideA.slotOf[transition];
            int inB = sideB.find(slot);
            keyTransitions[transition] = transition;
            countsA[transition] = sideA.journeys(slot);
            countsB[transition] = inB < 0 ? 0 : sideB.journeys(slot);
        }
        int key = sideA.size;
        for (int transition = 0; transition < sideB.size; transition++) {
            int slot = sideB.slotOf[transition];
            if (sideA.find(slot) < 0) {
                keyTransitions[key] = -1 - transition;
                countsB[key++] = sideB.journeys(slot);
            }
        }
    }

    /** After {@link #finish}: a's weighted journeys per transition. */
    long[] countsA() {
        return countsA;
    }

    /** After {@link #finish}: b's weighted journeys per transition. */
    long[] countsB() {
        return countsB;
    }

    /** The transition's source and target, each by {@link NodeSpace#name}. */
    List<String> nodes(int key, JourneySnapshot snapshot) {
        int transition = keyTransitions[key];
        int slot = transition >= 0 ? sideA.slotOf[transition] : sideB.slotOf[-1 - transition];
        int edges = steps.edgeCount();
        int n = nodes.touchpointCount();
        int from;
        int to;
        if (slot < edges) {
            from = steps.from(slot);
            to = steps.to(slot);
        } else if (slot < edges + n) {
            from = nodes.start();
            to = slot - edges;
        } else {
            from = (slot - edges - n) / OUTCOMES;
            to = nodes.outcome(Outcome.values()[(slot - edges - n) % OUTCOMES]);
        }
        return List.of(nodes.name(from, snapshot), nodes.name(to, snapshot));
    }

    /** The transition's name as the API shows it, {@code from → to}, from its {@link #nodes}. */
    static String key(List<String> nodes) {
        return nodes.get(0) + " → " + nodes.get(1);
    }

    /**
     * One side's transitions, by slot (an edge id, then the start node's transitions by target, then the outcome
     * nodes' by source and outcome): per slot, side by side, the number of the last walk that took it in the high
     * half and its transition number plus one in the low half (0 while no walk took it), then its journeys; and by
     * transition number, in order of first use, its slot.
     */
    private static final class Side {
        private final long[] table;
        private int[] slotOf = new int[64];
        private int size;
        private int walk;

        Side(int slots) {
            table = new long[2 * slots];
        }

        void startWalk() {
            walk++;
        }

        /** Adds {@code journeys} to the slot's transition, once per walk, numbering it on first use. */
        void add(int slot, long journeys) {
            int at = 2 * slot;
            long taken = table[at];
            if ((int) (taken >>> 32) == walk) {
                return;
            }
            int number = (int) taken;
            if (number == 0) {
                number = number(slot);
            }
            table[at] = (long) walk << 32 | number;
            table[at + 1] += journeys;
        }

        /** Numbers the slot as the next transition; returns its number plus one. */
        private int number(int slot) {
            if (size == slotOf.length) {
                slotOf = Arrays.copyOf(slotOf, size * 2);
            }
            slotOf[size] = slot;
            return ++size;
        }

        /** The slot's transition number, -1 if no walk took it. */
        int find(int slot) {
            return (int) table[2 * slot] - 1;
        }

        long journeys(int slot) {
            return table[2 * slot + 1];
        }

        /** Adds the transitions of {@code later}, in its order of first use. */
        void addAll(Side later) {
            for (int transition = 0; transition < later.size; transition++) {
                int slot = later.slotOf[transition];
                int at = 2 * slot;
                if ((int) table[at] == 0) {
                    table[at] = number(slot);
                }
                table[at + 1] += later.table[at + 1];
            }
        }
    }
}
