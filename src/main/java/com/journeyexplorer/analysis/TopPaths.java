package com.journeyexplorer.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * The most frequent path variants of the selected journeys, with the rest summed in {@code other}, so that
 * {@code paths} journeys plus {@code other.journeys()} equal {@code total} and the shares add up to 1 (when
 * {@code total > 0}).
 *
 * @param paths    most frequent first; ties by steps in lexicographic order (label by label, a prefix first)
 * @param other    the variants not shown
 * @param total    selected journeys, weighted
 * @param variants distinct shaped paths among them
 */
public record TopPaths(List<PathVariant> paths, Other other, long total, long variants) {

    /**
     * The variants not in {@code paths}: how many, their journeys and their share of the total (null when the total is
     * 0: a share of no journey is undefined).
     */
    public record Other(long variants, long journeys, Double share) {
    }

    /** Orders step lists label by label; a prefix comes first. */
    static final Comparator<List<String>> STEPS_ORDER = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    };

    public TopPaths {
        paths = List.copyOf(paths);
    }

    /**
     * Groups the selected journeys by shaped path. A journey's path is its path to purchase: a purchasing journey's
     * ends at its first purchase (what follows is the post-purchase part), whatever the selection, so a journey has
     * the same path with and without {@code outcome=purchase}. The selected records are counted by their
     * {@link StepSequences} number, reading only the snapshot's {@link JourneyColumns} unless the selection needs
     * more; each distinct sequence among them is then shaped once and counted as label ids in a {@link VariantTable},
     * and variants are named only where listed. From {@value TwoHalves#PARALLEL_FROM} records on, the two halves of the
     * snapshot are counted in parallel ({@link TwoHalves}) and merged. O(records + selected sequences' steps
     * + variants · log limit) plus the timing sorts of the listed variants.
     *
     * @param limit how many variants to list, at least 0
     */
    public static TopPaths of(JourneySnapshot snapshot, JourneySelection selection, PathShaping shaping, int limit) {
        return of(snapshot, selection, shaping, limit, ResponsesByPosition.none());
    }

    /**
     * As {@link #of(JourneySnapshot, JourneySelection, PathShaping, int)}, and each listed variant carries the
     * responses about its selected journeys and their mean normalized score (null where none): each response's
     * journey position is tested against the selection and mapped through its step sequence to its variant.
     * O(responses) on top.
     */
    public static TopPaths of(JourneySnapshot snapshot, JourneySelection selection, PathShaping shaping, int limit,
            ResponsesByPosition responses) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be at least 0");
        }
        PathShaper shaper = shaping.shaper(snapshot);
        IntPredicate selected = selection.positions(snapshot);
        StepSequences sequences = StepSequences.of(snapshot);
        JourneyColumns columns = JourneyColumns.of(snapshot);
        int[] numbers = sequences.numbers(true);
        SequenceCounts counted = TwoHalves.count(numbers.length,
                (from, to) -> SequenceCounts.of(sequences, columns, numbers, selected, from, to),
                SequenceCounts::append);
        VariantTable variants = counted.shape(shaper);
        long total = counted.total;
        int[] top = variants.top(limit);
        Durations[] durations = counted.durations(top, variants.size(), snapshot.journeys());
        ExperienceScore.Tally experience = experience(responses, selected, numbers, counted, top, variants.size());
        List<PathVariant> shown = new ArrayList<>(top.length);
        long shownJourneys = 0;
        for (int i = 0; i < top.length; i++) {
            int variant = top[i];
            long count = variants.journeys(variant);
            int[] key = variants.key(variant);
            shown.add(new PathVariant(shaper.labelNames(key, key.length), count, LabelCount.share(count, total),
                    LabelCount.share(variants.purchased(variant), count),
                    durations[i] == null ? DurationStats.NONE : durations[i].stats(), experience.score(i)));
            shownJourneys += count;
        }
        long rest = total - shownJourneys;
        Other other = new Other(variants.size() - shown.size(), rest, LabelCount.shareOfSome(rest, total));
        return new TopPaths(shown, other, total, variants.size());
    }

    /** The responses about the selected journeys, tallied by the rank of their variant among {@code top}. */
    private static ExperienceScore.Tally experience(ResponsesByPosition responses, IntPredicate selected,
            int[] numbers, SequenceCounts counted, int[] top, int variantCount) {
        ExperienceScore.Tally tally = new ExperienceScore.Tally(top.length);
        if (responses.isEmpty() || top.length == 0) {
            return tally;
        }
        int[] rank = new int[variantCount];
        Arrays.fill(rank, -1);
        for (int i = 0; i < top.length; i++) {
            rank[top[i]] = i;
        }
        for (int i = 0; i < responses.size(); i++) {
            int position = responses.position(i);
            if (!selected.test(position)) {
                continue;
            }
            int at = rank[counted.variantOf[numbers[position]]];
            if (at >= 0) {
                tally.add(at, responses.normalized(i));
            }
        }
        return tally;
    }
}
