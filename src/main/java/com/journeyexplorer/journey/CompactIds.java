package com.journeyexplorer.journey;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Journey and customer ids held without a {@code String} of their own where they end in a number. Real ids mostly do
 * ({@code demo-0000001}, {@code c-144717}, {@code 8412}, {@code web-0000001}): such an id is a shared
 * {@link Numbered} form (the text before its final digits and how many digits there are) and those digits as a
 * {@code long}. A journey then holds 12 bytes for an id instead of a string of 48 to 56, and no string per customer;
 * at millions of journeys that is about a sixth of the projection's heap. Any other id is kept as its string.
 *
 * <p>An id is a pair: a part (a {@link Numbered} or the id's {@code String}) and a number (0 beside a string). Only an
 * id whose text before its final digits has no digit is numbered: then an import brings a handful of forms, where
 * UUIDs ({@code 550e8400-...-446655440000}) or session ids ({@code c-144717@3}) would bring one form per id, each
 * larger than the string it replaces. The forms are pooled for the whole process, up to {@link #MAX_FORMS}; a pool that
 * fills up is emptied and starts again, so it stays small whatever the data. Forms are compared by value, so two
 * copies of one form (before and after the pool was emptied) hold the same ids.
 */
final class CompactIds {

    /** The longest run of final digits held as a number: 18 digits always fit in a {@code long}. */
    private static final int MAX_DIGITS = 18;
    static final int MAX_FORMS = 4096;

    private static final ConcurrentHashMap<String, Numbered> FORMS = new ConcurrentHashMap<>();

    /** The text before an id's final digits and the number of those digits (leading zeros included). */
    record Numbered(String prefix, int width) {
    }

    private CompactIds() {
    }

    /** The part that holds {@code id}: its shared {@link Numbered} form, or the string itself. */
    static Object partOf(String id) {
        int digits = finalDigits(id);
        if (digits == 0) {
            return id;
        }
        String key = id.substring(0, id.length() - digits) + '\u0000' + digits;
        Numbered form = FORMS.get(key);
        if (form == null) {
            if (FORMS.size() >= MAX_FORMS) {
                FORMS.clear();
            }
            form = FORMS.computeIfAbsent(key, k -> new Numbered(id.substring(0, id.length() - digits), digits));
        }
        return form;
    }

    /** The number beside {@code part} for {@code id}: its final digits where the part is a form, else 0. */
    static long numberOf(String id, Object part) {
        if (!(part instanceof Numbered form)) {
            return 0;
        }
        return Long.parseLong(id, form.prefix().length(), id.length(), 10);
    }

    /** The id held as {@code part} and {@code number}; a new string each time for a numbered one. */
    static String text(Object part, long number) {
        if (!(part instanceof Numbered form)) {
            return (String) part;
        }
        char[] chars = new char[form.prefix().length() + form.width()];
        form.prefix().getChars(0, form.prefix().length(), chars, 0);
        long rest = number;
        for (int at = chars.length - 1; at >= form.prefix().length(); at--) {
            chars[at] = (char) ('0' + rest % 10);
            rest /= 10;
        }
        return new String(chars);
    }

    /** Whether {@code candidate} is the id held as {@code part} and {@code number}; allocates nothing. */
    static boolean matches(Object part, long number, String candidate) {
        if (!(part instanceof Numbered form)) {
            return part.equals(candidate);
        }
        int prefixLength = form.prefix().length();
        if (candidate.length() != prefixLength + form.width() || !candidate.startsWith(form.prefix())) {
            return false;
        }
        long rest = number;
        for (int at = candidate.length() - 1; at >= prefixLength; at--) {
            if (candidate.charAt(at) != '0' + rest % 10) {
                return false;
            }
            rest /= 10;
        }
        return true;
    }

    /** {@code text(part, number).hashCode()}, without building the string. */
    static int hash(Object part, long number) {
        if (!(part instanceof Numbered form)) {
            return part.hashCode();
        }
        int hash = form.prefix().hashCode();
        long divisor = 1;
        for (int digit = 1; digit < form.width(); digit++) {
            divisor *= 10;
        }
        for (int digit = 0; digit < form.width(); digit++) {
            hash = 31 * hash + (int) ('0' + number / divisor % 10);
            divisor /= 10;
        }
        return hash;
    }

    /**
     * How many ASCII digits end {@code id}; 0 where more than {@link #MAX_DIGITS} do, or where the text before them
     * holds a digit too.
     */
    private static int finalDigits(String id) {
        int at = id.length();
        while (at > 0 && isDigit(id.charAt(at - 1))) {
            at--;
        }
        int digits = id.length() - at;
        if (digits > MAX_DIGITS) {
            return 0;
        }
        for (int before = 0; before < at; before++) {
            if (isDigit(id.charAt(before))) {
                return 0;
            }
        }
        return digits;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
