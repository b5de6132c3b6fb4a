package com.journeyexplorer.demo;

import java.time.Instant;

/**
 * Epoch milliseconds as ISO-8601 UTC with milliseconds always present, e.g. {@code 2026-03-01T10:15:30.123Z}.
 * Several times faster than {@code DateTimeFormatter}, which matters when writing tens of millions of rows.
 */
final class IsoTimestamps {

    private static final long MILLIS_PER_DAY = 86_400_000L;
    /** 0000-01-01 and 9999-12-31 23:59:59.999; outside, fall back to {@link Instant#toString()}. */
    private static final long MIN = -62_167_219_200_000L;
    private static final long MAX = 253_402_300_799_999L;

    private IsoTimestamps() {
    }

    static String format(long epochMillis) {
        if (epochMillis < MIN || epochMillis > MAX) {
            return Instant.ofEpochMilli(epochMillis).toString();
        }
        long days = Math.floorDiv(epochMillis, MILLIS_PER_DAY);
        int millisOfDay = (int) Math.floorMod(epochMillis, MILLIS_PER_DAY);
        // Howard Hinnant's civil_from_days.
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long shiftedMonth = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * shiftedMonth + 2) / 5 + 1);
        int month = (int) (shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9);
        int year = (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));

        char[] text = new char[24];
        digits(text, 0, year, 4);
        text[4] = '-';
        digits(text, 5, month, 2);
        text[7] = '-';
        digits(text, 8, day, 2);
        text[10] = 'T';
        digits(text, 11, millisOfDay / 3_600_000, 2);
        text[13] = ':';
        digits(text, 14, millisOfDay / 60_000 % 60, 2);
        text[16] = ':';
        digits(text, 17, millisOfDay / 1000 % 60, 2);
        text[19] = '.';
        digits(text, 20, millisOfDay % 1000, 3);
        text[23] = 'Z';
        return new String(text);
    }

    private static void digits(char[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
