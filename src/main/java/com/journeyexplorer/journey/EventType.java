package com.journeyexplorer.journey;

/** What an event means for the journey's outcome. */
public enum EventType {
    TOUCHPOINT, PURCHASE, ABANDON;

    private static final EventType[] BY_CODE = values();

    public byte code() {
        return (byte) ordinal();
    }

    public static EventType ofCode(byte code) {
        return BY_CODE[code];
    }
}
