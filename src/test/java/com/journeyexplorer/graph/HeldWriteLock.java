package com.journeyexplorer.graph;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Another change holding the graph's write lock, as a long import would: imports started meanwhile wait for it.
 * {@link #hold} returns once the lock is held; {@link #release} (or {@link #close}) lets it go, and the held change
 * ends without changing anything.
 */
public final class HeldWriteLock implements AutoCloseable {

    private final CountDownLatch released = new CountDownLatch(1);
    private final Thread holder;

    private HeldWriteLock(JourneyGraph graph) throws InterruptedException {
        CountDownLatch holding = new CountDownLatch(1);
        holder = new Thread(() -> graph.update(snapshot -> {
            holding.countDown();
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new JourneyChanges(snapshot.touchpoints(), List.of(), List.of(), List.of(), Map.of(), 0, 0, 0, 0);
        }, (changes, after) -> null, JourneyGraph.WriteProgress.NONE), "held-write-lock");
        holder.start();
        holding.await();
    }

    /** Holds {@code graph}'s write lock from another thread until released. */
    public static HeldWriteLock hold(JourneyGraph graph) throws InterruptedException {
        return new HeldWriteLock(graph);
    }

    /** Lets the lock go; the waiting imports go on. */
    public void release() {
        released.countDown();
    }

    /** Lets the lock go and waits for the holding thread to end. */
    @Override
    public void close() throws InterruptedException {
        release();
        holder.join();
    }
}
