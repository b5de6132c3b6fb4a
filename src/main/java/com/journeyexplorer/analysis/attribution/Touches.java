package com.journeyexplorer.analysis.attribution;

import com.journeyexplorer.journey.EventType;
import com.journeyexplorer.journey.Journey;

/**
 * The touches of a journey's path: its steps but the frustration signals (ADR 0008), which are about the page they
 * fired on, not another visit of it, so that a page earns no more credit for the rage clicks it causes. A path whose
 * steps are all frustration signals keeps its first step, as a journey that starts with its purchase keeps that one.
 */
final class Touches {

    private static final byte FRUSTRATION = EventType.FRUSTRATION.code();

    private Touches() {
    }

    /**
     * The indexes of the touches among the first {@code length} steps of {@code journey}, or null when none of them
     * is a frustration signal (every step is a touch). O(length), reading one byte per step.
     */
    static int[] of(Journey journey, int length) {
        byte[] types = journey.types();
        int frustrations = 0;
        for (int i = 0; i < length; i++) {
            if (types[i] == FRUSTRATION) {
                frustrations++;
            }
        }
        if (frustrations == 0) {
            return null;
        }
        if (frustrations == length) {
            return new int[] {0};
        }
        int[] touches = new int[length - frustrations];
        int count = 0;
        for (int i = 0; i < length; i++) {
            if (types[i] != FRUSTRATION) {
                touches[count++] = i;
            }
        }
        return touches;
    }

    /** The touchpoint ids of {@code journey}'s steps at {@code touches}. */
    static int[] steps(Journey journey, int[] touches) {
        int[] steps = new int[touches.length];
        for (int i = 0; i < touches.length; i++) {
            steps[i] = journey.steps()[touches[i]];
        }
        return steps;
    }
}
