package com.journeyexplorer.analysis.chain;

/**
 * An absorbing chain whose probabilities could not be computed to the promised accuracy within the work bound: a
 * large cycle that keeps journeys for a very long time (loops of probability close to 1 across many states). The
 * message says which component and how long journeys stay in it; a coarser shaping (a lower order, channels or
 * groups) makes the cycle smaller.
 */
public class ChainNotSolvedException extends RuntimeException {

    private final int componentSize;

    public ChainNotSolvedException(String message, int componentSize) {
        super(message);
        this.componentSize = componentSize;
    }

    /** The number of states of the cycle that did not converge. */
    public int componentSize() {
        return componentSize;
    }
}
