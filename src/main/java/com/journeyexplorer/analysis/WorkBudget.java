package com.journeyexplorer.analysis;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * The time an analysis may take, checked cooperatively: long loops (the chain solver's sweeps, the minimum cut, the
 * per-journey passes) call {@link #check()} every so often, which throws {@link WorkBudgetExceededException} once the
 * budget of the current thread has run out or the application is stopping. A thread without a budget (tests, the
 * benchmarks, background index builds) is never stopped. One {@code ThreadLocal} read per check, so callers check
 * every few thousand iterations, not in the innermost step.
 */
public final class WorkBudget {

    private static final ThreadLocal<WorkBudget> CURRENT = new ThreadLocal<>();
    private static volatile boolean stopping;

    private final long deadlineNanos;
    private final Duration limit;
    private final String narrowingHint;

    private WorkBudget(Duration limit, String narrowingHint) {
        this.limit = limit;
        this.narrowingHint = narrowingHint;
        this.deadlineNanos = System.nanoTime() + limit.toNanos();
    }

    /**
     * Runs {@code work} on this thread with a budget of {@code limit}; {@code narrowingHint} names the parameters that
     * would make the request smaller, for the error. Budgets do not nest: an inner call keeps the outer deadline.
     */
    public static <T> T within(Duration limit, String narrowingHint, Supplier<T> work) {
        try (Scope scope = start(limit, narrowingHint)) {
            check();
            return work.get();
        }
    }

    /**
     * Gives this thread a budget until the returned scope is closed (for a request that starts and ends in different
     * callbacks on one thread). Inside an existing budget the outer one is kept and closing the scope does nothing.
     */
    public static Scope start(Duration limit, String narrowingHint) {
        if (CURRENT.get() != null) {
            return () -> { };
        }
        CURRENT.set(new WorkBudget(limit, narrowingHint));
        return CURRENT::remove;
    }

    /**
     * {@code work} to run on another thread under the current thread's budget, if it has one: part of an analysis
     * handed to a pool thread ({@link TwoHalves#both}) then stops at its checks when the request's time is up, as the
     * part on the request's own thread does.
     */
    public static Runnable carried(Runnable work) {
        WorkBudget budget = CURRENT.get();
        if (budget == null) {
            return work;
        }
        return () -> {
            WorkBudget own = CURRENT.get();
            CURRENT.set(budget);
            try {
                work.run();
            } finally {
                if (own == null) {
                    CURRENT.remove();
                } else {
                    CURRENT.set(own);
                }
            }
        };
    }

    /** Ends a budget started by {@link #start}. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** Throws when the current thread's budget has run out or the application is stopping; cheap otherwise. */
    public static void check() {
        WorkBudget budget = CURRENT.get();
        if (budget == null) {
            return;
        }
        if (stopping) {
            throw new WorkBudgetExceededException("the application is shutting down", budget.narrowingHint, true);
        }
        if (System.nanoTime() - budget.deadlineNanos > 0) {
            throw new WorkBudgetExceededException("the analysis ran longer than its time budget of "
                    + budget.limit.toMillis() + " ms (journeys.analysis.time-budget) and was stopped",
                    budget.narrowingHint, false);
        }
    }

    /** From now on every budgeted analysis stops at its next check: called when the application shuts down. */
    public static void stopAll() {
        stopping = true;
    }

    /** Undoes {@link #stopAll()}; for a context that starts again in the same JVM (tests). */
    public static void resume() {
        stopping = false;
    }
}
