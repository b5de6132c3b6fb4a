package com.journeyexplorer.export;

import java.util.Locale;
import java.util.function.IntPredicate;

/**
 * Text that XML 1.0 can hold, for the GraphML and GEXF writers. Imports refuse names with control characters or
 * Unicode noncharacters, but a store written before those rules may still have them; XML 1.0 has no way to write them
 * (not even as {@code &#27;}), so a writer that passed them on would make a file no parser reads.
 */
final class XmlText {

    static final char REPLACEMENT = '\uFFFD';

    private XmlText() {
    }

    /**
     * {@code text} with every character outside XML 1.0's {@code Char} production (controls other than tab, line feed
     * and carriage return, U+FFFE, U+FFFF, unpaired surrogates) replaced by U+FFFD; the same string when there is none.
     */
    static String clean(String text) {
        StringBuilder cleaned = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                if (cleaned != null) {
                    cleaned.append(c).append(text.charAt(i + 1));
                }
                i++;
                continue;
            }
            boolean allowed = allowed(c);
            if (!allowed && cleaned == null) {
                cleaned = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (cleaned != null) {
                cleaned.append(allowed ? c : REPLACEMENT);
            }
        }
        return cleaned == null ? text : cleaned.toString();
    }

    /**
     * {@code id} with every character XML 1.0 cannot hold written as {@code _xHHHH_} (its code point in hex) and an
     * underscore that starts {@code _x} as {@code _x005F_}, as {@link GraphMlExporter#nameToken} escapes: unlike
     * {@link #clean}, two ids that differ only in such characters stay two ids. Other ids stay as they are.
     */
    static String id(String id) {
        if (clean(id).equals(id) && !id.contains("_x")) {
            return id;
        }
        return escapedId(id, c -> Character.isSupplementaryCodePoint(c) || allowed((char) c));
    }

    /**
     * {@code id} with every code point that {@code plain} refuses, and an underscore that starts {@code _x}, written
     * as {@code _xHHHH_} with its code point in hex (the escape of .NET's {@code XmlConvert}): distinct ids stay
     * distinct and decode back.
     */
    static String escapedId(String id, IntPredicate plain) {
        StringBuilder escaped = new StringBuilder(id.length() + 8);
        for (int i = 0; i < id.length(); i = id.offsetByCodePoints(i, 1)) {
            int c = id.codePointAt(i);
            if (plain.test(c) && !id.startsWith("_x", i)) {
                escaped.appendCodePoint(c);
            } else {
                escaped.append(String.format(Locale.ROOT, "_x%04X_", c));
            }
        }
        return escaped.toString();
    }

    /** Whether XML 1.0 can hold {@code c} alone: not a control but tab, line feed, carriage return; no surrogate. */
    static boolean allowed(char c) {
        return c == '\t' || c == '\n' || c == '\r' || c >= 0x20 && c < 0xD800 || c >= 0xE000 && c < 0xFFFE;
    }
}
