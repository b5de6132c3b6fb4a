package com.journeyexplorer.analysis;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BinaryOperator;

/**
 * One pass over positions {@code [0, size)} counted in two halves on two cores: from {@value #PARALLEL_FROM}
 * positions on, the common fork-join pool counts the second half while the calling thread counts the first, and the
 * second is merged into the first, always in that order, so that the answer never depends on the threads (integer
 * sums; anything order-sensitive, such as durations or floating sums, is appended or added first half first). Passes
 * over a million journey records mostly wait for memory, so a second core nearly halves them. Below the threshold
 * the calling thread counts everything; so it does the second half too when no pool thread has started it by the time
 * the first is counted. Public for the passes of the subpackages (key moments, Markov attribution).
 */
public final class TwoHalves {

    /** From this many positions on, the two halves are counted in parallel. */
    public static final int PARALLEL_FROM = 100_000;

    /** Counts the positions {@code [from, to)}; each call makes its own counts. */
    @FunctionalInterface
    public interface RangeCount<T> {
        T count(int from, int to);
    }

    private TwoHalves() {
    }

    /** The counts of positions {@code [0, size)}; from {@value #PARALLEL_FROM} on, {@code merge(first, second)}. */
    public static <T> T count(int size, RangeCount<T> count, BinaryOperator<T> merge) {
        return count(size, PARALLEL_FROM, count, merge);
    }

    /**
     * Runs two independent computations, {@code second} in the common fork-join pool while the calling thread runs
     * {@code first}, or the calling thread both when no pool thread has started {@code second} by then (as
     * {@link #count} does with its second half). A pool thread runs {@code second} under the calling thread's
     * {@link WorkBudget}.
     */
    public static void both(Runnable first, Runnable second) {
        AtomicBoolean taken = new AtomicBoolean();
        Runnable budgeted = WorkBudget.carried(second);
        ForkJoinTask<?> pooled = ForkJoinPool.commonPool().submit(() -> {
            if (taken.compareAndSet(false, true)) {
                budgeted.run();
            }
        });
        first.run();
        if (taken.compareAndSet(false, true)) {
            second.run();
        } else {
            pooled.join();
        }
    }

    /** As {@link #count(int, RangeCount, BinaryOperator)}, split from {@code parallelFrom} positions on (tests). */
    public static <T> T count(int size, int parallelFrom, RangeCount<T> count, BinaryOperator<T> merge) {
        if (size < Math.max(2, parallelFrom)) {
            return count.count(0, size);
        }
        int middle = size >>> 1;
        // Whichever thread is free first counts the second half: a pool busy with other work never makes the
        // request wait longer than counting it alone would. Each half is read after both ran (a join or this thread).
        List<T> halves = Arrays.asList(null, null);
        both(() -> halves.set(0, count.count(0, middle)), () -> halves.set(1, count.count(middle, size)));
        return merge.apply(halves.get(0), halves.get(1));
    }
}
