package com.journeyexplorer.journey;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A place where a customer meets the brand or a competitor. {@code id} is the touchpoint's index in its
 * {@link com.journeyexplorer.analysis.JourneySnapshot}: stable for the life of the data set, so it is also the id used
 * in graph exports.
 */
public record Touchpoint(int id, String name, String channel, String stage, Owner owner) {

    /**
     * The stages of a customer journey in their usual order: the funnel's default stages, and the order of the nodes
     * of a graph export and of the journey map's columns (which reads it from the export's {@code meta.stages}). A
     * touchpoint may have any other stage, or none; other stages come after these.
     */
    public static final List<String> STAGES = List.of("awareness", "consideration", "purchase", "loyalty", "advocacy");

    public Touchpoint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(owner, "owner");
        channel = channel == null ? "" : channel;
        stage = stage == null ? "" : stage;
    }

    /**
     * The first character of {@code name} that no name (touchpoint, channel, stage, group) may hold, described for an
     * error message ({@code the control character U+001B (...)}), or null when there is none. Refused are the
     * control characters XML 1.0 cannot hold (U+0000 to U+001F except tab, line feed and carriage return) and the
     * Unicode noncharacters (U+FDD0 to U+FDEF, and the last two code points of every plane, U+FFFE, U+FFFF,
     * U+1FFFE, ...): XML cannot hold U+FFFE and U+FFFF either, so the GraphML, GEXF and DOT exports would have to
     * replace them, and the others are meant for a program's internal use, never for interchange. So is half of a
     * UTF-16 surrogate pair on its own (U+D800 to U+DFFF, which a JSON string can write as an escape): no character at
     * all, neither UTF-8 nor XML can hold it, and a query string could not name it.
     */
    public static String forbiddenCharacter(String name) {
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return "the control character " + codePoint(c) + " (only tab, line feed and carriage return are "
                        + "allowed)";
            }
            if (c >= 0xFDD0 && c <= 0xFDEF || (c & 0xFFFE) == 0xFFFE) {
                return "the Unicode noncharacter " + codePoint(c) + " (noncharacters are not allowed in names)";
            }
            if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
                // codePointAt returns a surrogate only when it is not half of a pair.
                return "the unpaired surrogate " + codePoint(c) + " (half of a UTF-16 pair, which is no character)";
            }
            i += Character.charCount(c);
        }
        return null;
    }

    private static String codePoint(int c) {
        return String.format(Locale.ROOT, "U+%04X", c);
    }

    public boolean isCompetitor() {
        return owner == Owner.COMPETITOR;
    }

    /** This touchpoint with missing attributes filled from {@code other}: the first value seen wins. */
    public Touchpoint mergedWith(String otherChannel, String otherStage, Owner otherOwner) {
        return new Touchpoint(id,
                name,
                channel.isEmpty() && otherChannel != null ? otherChannel : channel,
                stage.isEmpty() && otherStage != null ? otherStage : stage,
                owner == Owner.OWN && otherOwner == Owner.COMPETITOR ? Owner.COMPETITOR : owner);
    }
}
