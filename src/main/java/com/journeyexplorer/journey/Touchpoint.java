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
     * The first control character of {@code name} that XML 1.0 cannot hold (U+0000 to U+001F except tab, line feed and
     * carriage return), as {@code U+0000}, or null when there is none: the rule for every name (touchpoint, channel,
     * stage, group), since a name with one could not be written to the GraphML and GEXF exports.
     */
    public static String forbiddenCharacter(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return String.format(Locale.ROOT, "U+%04X", (int) c);
            }
        }
        return null;
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
