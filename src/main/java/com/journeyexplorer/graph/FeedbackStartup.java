package com.journeyexplorer.graph;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Loads the stored survey responses during start-up, after the journeys' projection ({@link ProjectionStartup}
 * applies the schema) and before the web server starts.
 */
@Component
class FeedbackStartup implements SmartLifecycle {

    /** After {@link ProjectionStartup}'s phase, before the web server's. */
    private static final int PHASE = 1;

    private final FeedbackGraph feedback;
    private volatile boolean running;

    FeedbackStartup(FeedbackGraph feedback) {
        this.feedback = feedback;
    }

    @Override
    public void start() {
        feedback.load();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
