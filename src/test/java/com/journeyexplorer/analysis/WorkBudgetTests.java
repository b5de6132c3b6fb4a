package com.journeyexplorer.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WorkBudgetTests {

    // A Spring context closed earlier in this JVM stops all budgets; each test starts from a running application.
    @BeforeEach
    @AfterEach
    void resume() {
        WorkBudget.resume();
    }

    @Test
    void neverStopsWorkOutsideABudget() {
        for (int i = 0; i < 1000; i++) {
            WorkBudget.check();
        }
        WorkBudget.stopAll();
        WorkBudget.check();
    }

    @Test
    void stopsALoopThatOutrunsItsBudget() {
        long started = System.nanoTime();
        assertThatThrownBy(() -> WorkBudget.within(Duration.ofMillis(50), "k or maxSteps", () -> {
            while (true) {
                WorkBudget.check();
            }
        })).isInstanceOf(WorkBudgetExceededException.class)
                .hasMessageContaining("time budget of 50 ms")
                .satisfies(e -> assertThat(((WorkBudgetExceededException) e).narrowingHint()).isEqualTo("k or maxSteps"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(50));
        WorkBudget.check();
    }

    @Test
    void letsWorkWithinItsBudgetFinish() {
        assertThat(WorkBudget.within(Duration.ofMinutes(1), "x", () -> {
            WorkBudget.check();
            return 42;
        })).isEqualTo(42);
    }

    @Test
    void stopsEveryBudgetedAnalysisWhenTheApplicationStops() {
        WorkBudget.stopAll();
        assertThatThrownBy(() -> WorkBudget.within(Duration.ofMinutes(1), "x", () -> 1))
                .isInstanceOfSatisfying(WorkBudgetExceededException.class, e -> assertThat(e.shuttingDown()).isTrue());
    }

    @Test
    void keepsTheOuterDeadlineWhenBudgetsNest() {
        assertThatThrownBy(() -> WorkBudget.within(Duration.ofMillis(20), "outer", () ->
                WorkBudget.within(Duration.ofHours(1), "inner", () -> {
                    while (true) {
                        WorkBudget.check();
                    }
                }))).isInstanceOfSatisfying(WorkBudgetExceededException.class,
                        e -> assertThat(e.narrowingHint()).isEqualTo("outer"));
    }

    @Test
    void stopsTheHalfThatAPoolThreadRunsForTheBudgetedThread() {
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        Thread caller = Thread.currentThread();
        java.util.concurrent.atomic.AtomicReference<Thread> runner = new java.util.concurrent.atomic.AtomicReference<>();
        assertThatThrownBy(() -> WorkBudget.within(Duration.ofMillis(50), "x", () -> {
            TwoHalves.both(() -> {
                try {
                    started.await(); // until the second has started, so that it is the pool's
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, () -> {
                runner.set(Thread.currentThread());
                started.countDown();
                long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (System.nanoTime() < until) {
                    WorkBudget.check();
                }
            });
            return 1;
        })).isInstanceOf(WorkBudgetExceededException.class);
        assertThat(runner.get()).isNotSameAs(caller);
    }
}
