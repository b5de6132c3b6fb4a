package com.journeyexplorer.journey;

/**
 * What an event means for the journey's outcome. {@code FRUSTRATION} is a frustration signal at its touchpoint (a rage
 * click, an error, a dead end): a step like a touchpoint event, counted by the experience analyses. New types are
 * appended: the code is the ordinal, stored with the journeys.
 */
public enum EventType {
    TOUCHPOINT, PURCHASE, ABANDON, FRUSTRATION;

    private static final EventType[] BY_CODE = values();

    public byte code() {
        return (byte) ordinal();
    }

    public static EventType ofCode(byte code) {
        return BY_CODE[code];
    }
}
