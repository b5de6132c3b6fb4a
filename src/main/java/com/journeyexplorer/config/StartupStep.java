package com.journeyexplorer.config;

import org.springframework.context.SmartLifecycle;

/**
 * A step that runs once during start-up, in a lifecycle phase of its own: a phase below the web server's
 * ({@code SmartLifecycle.DEFAULT_PHASE - 1024}) runs before the app takes requests, so that no query is answered
 * from data still being loaded. Steps run in ascending phase order; stopping one does nothing.
 */
public abstract class StartupStep implements SmartLifecycle {

    private final int phase;
    private volatile boolean running;

    protected StartupStep(int phase) {
        this.phase = phase;
    }

    /** The step's work; an exception stops the start-up. */
    protected abstract void runAtStartup();

    @Override
    public final void start() {
        runAtStartup();
        running = true;
    }

    @Override
    public final void stop() {
        running = false;
    }

    @Override
    public final boolean isRunning() {
        return running;
    }

    @Override
    public final int getPhase() {
        return phase;
    }
}
