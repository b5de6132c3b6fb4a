package com.journeyexplorer.config;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.DestructionAwareBeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Closes every Neo4j driver of the app with a bound on the wait, just before Spring's own {@code close()} of it.
 * The driver's {@code close()} waits without limit for its connection pool to close, and an instance that had
 * served for an hour was once seen waiting there forever after SIGTERM, with none of the driver's I/O threads left:
 * the process never exited and the embedded database, shut down after the driver, stayed open. Closing through
 * {@code closeAsync()} first marks the driver closed, so that Spring's {@code close()} then returns at once, and
 * gives up waiting after {@link #BOUND}, logged, so that the shutdown goes on to the database.
 */
@Component
class BoundedDriverClose implements DestructionAwareBeanPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(BoundedDriverClose.class);

    /** Long enough for the pool to say goodbye to every server; a healthy close takes milliseconds. */
    static final Duration BOUND = Duration.ofSeconds(10);

    private final Duration bound;

    BoundedDriverClose() {
        this(BOUND);
    }

    BoundedDriverClose(Duration bound) {
        this.bound = bound;
    }

    @Override
    public boolean requiresDestruction(Object bean) {
        return bean instanceof Driver;
    }

    @Override
    public void postProcessBeforeDestruction(Object bean, String beanName) {
        if (!(bean instanceof Driver driver)) {
            return;
        }
        try {
            driver.closeAsync().toCompletableFuture().get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn("The Neo4j driver '{}' did not close within {} ms; shutting down without waiting for it",
                    beanName, bound.toMillis());
        } catch (ExecutionException e) {
            log.warn("Closing the Neo4j driver '{}' failed; shutting down anyway", beanName, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
