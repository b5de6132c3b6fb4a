package com.journeyexplorer.analysis.compare;

import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.StepSequences;
import com.journeyexplorer.journey.Outcome;

import java.util.Arrays;
import java.util.List;

/**
 * The path variants of two selections counted together by {@link StepSequences} number: a variant is a path to
 * purchase (a sequence number) with its outcome, so counting a journey is two array reads and an addition, whatever
 * the path's length, and each variant's steps are read again only to name it or to walk its transitions. The variants
 * get dense ids in order of first sight; each holds its weighted journeys per outcome of a, then of b, side by side (8
 * longs, one cache line), and the position of its first record, whose step edges stand for the variant's transitions.
 * Memory: an int per sequence of the snapshot plus 8 longs and 2 ints per variant seen (twice while two halves of a
 * pass count apart, {@link #addAll}).
 */
final class PathVariants {

    private static final int OUTCOMES = Outcome.values().length;
    private static final int WIDTH = 2 * OUTCOMES;

    private final StepSequences sequences;
    /** By sequence number: 1 + its variant id, 0 while unseen. */
    private final int[] variantOf;
    private int[] sequenceOf = new int[64];
    /** By variant, the position of a record on it (the first counted), whose step edges {@link #walk} reads. */
    private int[] positionOf = new int[64];
    private long[] counts = new long[64 * WIDTH];
    private int size;
    /** After {@link #finish}: the (variant, outcome) keys with journeys in a or b, and their counts. */
    private int[] keyVariant;
    private byte[] keyOutcome;
    private long[] keyCountsA;
    private long[] keyCountsB;

    PathVariants(StepSequences sequences) {
        this.sequences = sequences;
        this.variantOf = new int[sequences.count()];
    }

    /**
     * Adds the record at {@code position}, on sequence {@code sequence} with outcome {@code outcome}, to a, b or
     * both. O(1).
     */
    void add(int sequence, int position, int outcome, boolean inA, boolean inB, long weight) {
        int at = variantOf(sequence, position) * WIDTH + outcome;
        if (inA) {
            counts[at] += weight;
        }
        if (inB) {
            counts[at + OUTCOMES] += weight;
        }
    }

    /** The variant of {@code sequence}, numbered next if new, with the record at {@code position} on it. */
    private int variantOf(int sequence, int position) {
        int variant = variantOf[sequence] - 1;
        if (variant < 0) {
            variant = size++;
            if (variant == sequenceOf.length) {
                sequenceOf = Arrays.copyOf(sequenceOf, variant * 2);
                positionOf = Arrays.copyOf(positionOf, variant * 2);
                counts = Arrays.copyOf(counts, variant * 2 * WIDTH);
            }
            sequenceOf[variant] = sequence;
            positionOf[variant] = position;
            variantOf[sequence] = variant + 1;
        }
        return variant;
    }

    /**
     * Adds the counts of {@code later}, the variants of the journeys after this one's (same sequences): its variants
     * are taken in its order of first sight, so every variant gets the id that one count of both would have given it.
     * O(later's variants).
     */
    PathVariants addAll(PathVariants later) {
        for (int other = 0; other < later.size; other++) {
            int at = variantOf(later.sequenceOf[other], later.positionOf[other]) * WIDTH;
            for (int i = 0; i < WIDTH; i++) {
                counts[at + i] += later.counts[other * WIDTH + i];
            }
        }
        return this;
    }

    /** After {@link #finish}: how many keys (path and outcome) a or b took. */
    int keys() {
        return keyVariant.length;
    }

    /** Feeds the keys {@code [from, to)} to {@code transitions}, in key order. O(their steps). */
    TransitionShares walk(TransitionShares transitions, int from, int to) {
        for (int key = from; key < to; key++) {
            int variant = keyVariant[key];
            transitions.add(positionOf[variant], sequences.length(sequenceOf[variant]), keyOutcome[key],
                    keyCountsA[key], keyCountsB[key]);
        }
        return transitions;
    }

    /** Lists the keys (path and outcome) that a or b took, for {@link #walk}. O(variants). */
    void finish() {
        int keys = 0;
        for (int i = 0; i < size * WIDTH; i += WIDTH) {
            for (int outcome = 0; outcome < OUTCOMES; outcome++) {
                if (counts[i + outcome] != 0 || counts[i + OUTCOMES + outcome] != 0) {
                    keys++;
                }
            }
        }
        keyVariant = new int[keys];
        keyOutcome = new byte[keys];
        keyCountsA = new long[keys];
        keyCountsB = new long[keys];
        int key = 0;
        for (int variant = 0; variant < size; variant++) {
            for (int outcome = 0; outcome < OUTCOMES; outcome++) {
                long a = counts[variant * WIDTH + outcome];
                long b = counts[variant * WIDTH + OUTCOMES + outcome];
                if (a == 0 && b == 0) {
                    continue;
                }
                keyVariant[key] = variant;
                keyOutcome[key] = (byte) outcome;
                keyCountsA[key] = a;
                keyCountsB[key] = b;
                key++;
            }
        }
    }

    /** After {@link #finish}: a's weighted journeys per key. */
    long[] countsA() {
        return keyCountsA;
    }

    /** After {@link #finish}: b's weighted journeys per key. */
    long[] countsB() {
        return keyCountsB;
    }

    /** The key's nodes: the steps of its path by touchpoint name, then its outcome node ({@code (purchase)}). */
    List<String> nodes(int key, JourneySnapshot snapshot) {
        int sequence = sequenceOf[keyVariant[key]];
        int[] pool = sequences.pool();
        int offset = sequences.offset(sequence);
        int length = sequences.length(sequence);
        String[] nodes = new String[length + 1];
        for (int i = 0; i < length; i++) {
            nodes[i] = snapshot.touchpoint(pool[offset + i]).name();
        }
        nodes[length] = Outcome.values()[keyOutcome[key]].nodeName();
        return List.of(nodes);
    }

    /** The variant's name as the API shows it, {@code A > B → (purchase)}, from its {@link #nodes}. */
    static String key(List<String> nodes) {
        return String.join(" > ", nodes.subList(0, nodes.size() - 1)) + " → " + nodes.get(nodes.size() - 1);
    }
}
