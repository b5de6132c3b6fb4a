package com.journeyexplorer.analysis;

import com.journeyexplorer.journey.Outcome;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * How many selected journeys took exactly a given shaped path to an outcome: the observed counterpart of a
 * {@link LikelyPath}, whose probability comes from the first-order chain and may belong to a path no journey followed.
 * A journey took the path when its shaped path ({@link PathShaping}, to the first purchase, as {@link TransitionGraph}
 * builds the chain) has exactly those labels and it ends in that outcome.
 */
public final class ObservedPaths {

    private ObservedPaths() {
    }

    /**
     * Counts the selected records by {@link StepSequences} number and shapes each distinct sequence among them once.
     * O(records + selected sequences' steps + paths' steps).
     *
     * @param paths each a list of shaped labels between the start and the outcome node
     * @return per path, in the same order, the weighted journeys that took it
     */
    public static long[] journeys(JourneySnapshot snapshot, JourneySelection selection, PathShaping shaping,
            Outcome outcome, List<List<String>> paths) {
        long[] result = new long[paths.size()];
        if (paths.isEmpty()) {
            return result;
        }
        PathShaper shaper = shaping.shaper(snapshot);
        Map<String, Integer> labelIds = new HashMap<>();
        for (int label = 0; label < shaper.labelCount(); label++) {
            labelIds.put(shaper.labelName(label), label);
        }
        Map<Key, int[]> wanted = new HashMap<>();
        for (int i = 0; i < paths.size(); i++) {
            List<String> path = paths.get(i);
            int[] ids = new int[path.size()];
            boolean known = true;
            for (int step = 0; step < ids.length; step++) {
                Integer id = labelIds.get(path.get(step));
                known &= id != null;
                ids[step] = id == null ? -1 : id;
            }
            if (known) {
                wanted.merge(new Key(ids), new int[] {i}, ObservedPaths::concat);
            }
        }
        StepSequences sequences = StepSequences.of(snapshot);
        JourneyColumns columns = JourneyColumns.of(snapshot);
        int[] numbers = sequences.numbers(true);
        IntPredicate selected = selection.withOutcome(outcome).positions(snapshot);
        long[] bySequence = new long[sequences.count()];
        for (int position = 0; position < numbers.length; position++) {
            if (selected.test(position)) {
                bySequence[numbers[position]] += columns.weight(position);
            }
        }
        LabelPath shaped = new LabelPath();
        for (int sequence = 0; sequence < bySequence.length; sequence++) {
            if (bySequence[sequence] == 0) {
                continue;
            }
            shaper.shape(sequences, sequence, shaped);
            int[] indexes = wanted.get(new Key(Arrays.copyOf(shaped.labels, shaped.length)));
            if (indexes != null) {
                for (int i : indexes) {
                    result[i] += bySequence[sequence];
                }
            }
        }
        return result;
    }

    private static int[] concat(int[] a, int[] b) {
        int[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    /** Label ids compared by content. */
    private record Key(int[] ids) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Arrays.equals(ids, key.ids);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(ids);
        }

        @Override
        public String toString() {
            return Arrays.toString(ids);
        }
    }
}
