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
        IntSequenceTable wanted = new IntSequenceTable();
        int[][] indexesOf = new int[paths.size()][];
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
                int number = wanted.number(ids, ids.length);
                indexesOf[number] = indexesOf[number] == null ? new int[] {i} : concat(indexesOf[number], i);
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
            int number = wanted.find(shaped.labels, shaped.length);
            if (number >= 0) {
                int[] indexes = indexesOf[number];
                for (int i : indexes) {
                    result[i] += bySequence[sequence];
                }
            }
        }
        return result;
    }

    private static int[] concat(int[] indexes, int index) {
        int[] more = Arrays.copyOf(indexes, indexes.length + 1);
        more[indexes.length] = index;
        return more;
    }
}
