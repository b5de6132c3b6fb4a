package com.journeyexplorer.analysis;

import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;
import com.journeyexplorer.journey.Touchpoint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * How the selected journeys pass a list of touchpoints in eventual order, over whole journeys: a journey reaches step
 * {@code k} when it visits step 0, later step 1, ..., later step {@code k}, other touchpoints allowed in between (a
 * step named twice needs two visits). With a conversion window, each step must come within that time of the visit
 * to the step before it ({@link WindowFrom#PREVIOUS}, the default), or within that time of the visit to step 0
 * that starts the match ({@link WindowFrom#FIRST}); of all possible matches, the one reaching furthest counts.
 * Untimed records (aggregated paths) are judged by order alone.
 *
 * @param total         selected journeys, weighted
 * @param windowSeconds the conversion window, null for none
 * @param windowFrom    what the window is measured from; null without a window
 * @param steps         in the order asked
 */
public record StepFunnel(long total, Long windowSeconds, WindowFrom windowFrom, List<Step> steps) {

    /** What a step's conversion window is measured from. */
    public enum WindowFrom {
        /** The visit to the step before: step {@code k+1} within the window after step {@code k}. */
        PREVIOUS,
        /** The visit to step 0 that starts the match: every step within the window of the first. */
        FIRST
    }

    /**
     * One step. {@code shareOfTotal}: its journeys' share of {@code total}, null when no journey is selected.
     * {@code conversion}: the share of the journeys reaching the previous step that reach this one (for the
     * first step: its share of {@code total}; null when the previous step, or for the first step the selection, has
     * no journeys). {@code droppedOut}:
     * journeys reaching this step but not the next (0 for the last). {@code purchased}: journeys reaching this step
     * whose outcome is a purchase.
     */
    public record Step(String touchpoint, long journeys, Double shareOfTotal, Double conversion, long droppedOut,
            long purchased) {
    }

    public StepFunnel {
        steps = List.copyOf(steps);
    }

    /** The funnel without a window, or with the window measured from the previous step. */
    public static StepFunnel of(JourneySnapshot snapshot, JourneySelection selection, List<String> touchpoints,
            Long windowSeconds) {
        return of(snapshot, selection, touchpoints, windowSeconds, WindowFrom.PREVIOUS);
    }

    /**
     * One pass keeping, per step, the latest anchor time of a match reaching it so far: the time of the match's visit
     * to step 0 ({@link WindowFrom#FIRST}) or to that step itself ({@link WindowFrom#PREVIOUS}). Either way
     * the latest anchor leaves the most of the window for the next step, so the furthest step reached is exact.
     * O(events · steps).
     *
     * @param touchpoints   touchpoint names, at least one, each known to the snapshot
     * @param windowSeconds the conversion window in seconds, positive, or null
     * @param windowFrom    what the window is measured from (ignored without a window)
     */
    public static StepFunnel of(JourneySnapshot snapshot, JourneySelection selection, List<String> touchpoints,
            Long windowSeconds, WindowFrom windowFrom) {
        if (touchpoints.isEmpty()) {
            throw new IllegalArgumentException("touchpoints must not be empty");
        }
        if (windowSeconds != null && windowSeconds <= 0) {
            throw new IllegalArgumentException("the window must be positive");
        }
        int n = touchpoints.size();
        int[] ids = new int[n];
        for (int k = 0; k < n; k++) {
            String name = touchpoints.get(k);
            Optional<Touchpoint> touchpoint = snapshot.touchpoint(name);
            ids[k] = touchpoint.map(Touchpoint::id).orElseThrow(
                    () -> new IllegalArgumentException("unknown touchpoint " + name));
        }
        long window = windowSeconds == null ? Long.MAX_VALUE : windowSeconds * 1000L;
        boolean fromPrevious = windowFrom != WindowFrom.FIRST;
        Predicate<Journey> filter = selection.predicate(snapshot);
        long total = 0;
        long[] reached = new long[n];
        long[] purchased = new long[n];
        long[] latestAnchor = new long[n];
        for (Journey journey : snapshot.journeys()) {
            if (!filter.test(journey)) {
                continue;
            }
            int weight = journey.weight();
            total += weight;
            int depth = depth(journey, ids, window, fromPrevious, latestAnchor);
            boolean purchase = journey.outcome() == Outcome.PURCHASE;
            for (int k = 0; k < depth; k++) {
                reached[k] += weight;
                if (purchase) {
                    purchased[k] += weight;
                }
            }
        }
        List<Step> steps = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            long previous = k == 0 ? total : reached[k - 1];
            Double conversion = previous == 0 ? null : LabelCount.share(reached[k], previous);
            steps.add(new Step(touchpoints.get(k), reached[k], LabelCount.shareOfSome(reached[k], total), conversion,
                    k + 1 < n ? reached[k] - reached[k + 1] : 0, purchased[k]));
        }
        return new StepFunnel(total, windowSeconds, windowSeconds == null ? null : windowFrom, steps);
    }

    /**
     * How many steps the journey reaches in order within the window; {@code latestAnchor} is scratch space. Times
     * ascend within a journey, so a visit's own time is the latest anchor a match ending there can have.
     */
    private static int depth(Journey journey, int[] ids, long window, boolean fromPrevious, long[] latestAnchor) {
        int n = ids.length;
        Arrays.fill(latestAnchor, Long.MIN_VALUE);
        boolean timed = journey.isTimed();
        int[] steps = journey.steps();
        int depth = 0;
        for (int i = 0; i < steps.length; i++) {
            int touchpoint = steps[i];
            long at = timed ? journey.time(i) : i;
            // Backwards, so that one visit never serves as two consecutive steps.
            for (int k = n - 1; k >= 1; k--) {
                if (ids[k] == touchpoint && latestAnchor[k - 1] != Long.MIN_VALUE
                        && (!timed || at - latestAnchor[k - 1] <= window)) {
                    latestAnchor[k] = fromPrevious ? at : Math.max(latestAnchor[k], latestAnchor[k - 1]);
                    depth = Math.max(depth, k + 1);
                }
            }
            if (ids[0] == touchpoint) {
                latestAnchor[0] = at;
                depth = Math.max(depth, 1);
            }
        }
        return depth;
    }
}
