package com.journeyexplorer.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.journeyexplorer.ApiTestSupport;

/**
 * The writers of one process take the imports lease in the order they came: a look for a free lease (the follower's
 * rollback of a dead holder's change, its rewrite of a part-written TRANSITION graph) and the start-up's take do not
 * overtake a writer that waits its turn. The writer is held while it waits (its wait callback blocks) so that the
 * lease is free in between, when an overtaking take would get it.
 */
class ImportLeaseTurnsTests extends ApiTestSupport {

    @Autowired
    private ImportLease lease;

    private final List<String> order = Collections.synchronizedList(new ArrayList<>());

    @Test
    void aLookForAFreeLeaseDoesNotOvertakeAWriterWaitingItsTurn() throws InterruptedException {
        CountDownLatch goOn = new CountDownLatch(1);
        Thread writer = writerWaitingItsTurn(goOn);
        ImportLease.Held free = lease.acquireIfFree();
        try {
            assertThat(free).as("taken before the writer that waits its turn").isNull();
        } finally {
            if (free != null) {
                free.close();
            }
            goOn.countDown();
            writer.join();
        }
        assertThat(order).containsExactly("writer");
    }

    @Test
    void aStartDoesNotOvertakeAWriterWaitingItsTurn() throws InterruptedException {
        CountDownLatch goOn = new CountDownLatch(1);
        Thread writer = writerWaitingItsTurn(goOn);
        Thread start = new Thread(() -> {
            ImportLease.Held held = lease.acquireAtStart();
            order.add("start");
            if (held != null) {
                held.close();
            }
        }, "start");
        start.start();
        // Either it overtook the writer, or it waits its turn behind it.
        while (!order.contains("start") && lease.waitingTurns() < 2) {
            Thread.sleep(10);
        }
        goOn.countDown();
        writer.join();
        start.join();
        assertThat(order).containsExactly("writer", "start");
    }

    /**
     * A writer that comes while the lease is held, is held in its wait (until {@code goOn}) once it waits its turn,
     * and takes the lease after that; the lease is free once this returns.
     */
    private Thread writerWaitingItsTurn(CountDownLatch goOn) throws InterruptedException {
        ImportLease.Held first = lease.acquire();
        CountDownLatch waiting = new CountDownLatch(1);
        Thread writer = new Thread(() -> {
            try (ImportLease.Held held = lease.acquire(holder -> {
                if (holder != null && waiting.getCount() > 0) {
                    waiting.countDown();
                    try {
                        goOn.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            })) {
                order.add("writer");
            }
        }, "writer");
        writer.start();
        waiting.await();
        first.close();
        return writer;
    }
}
