package com.journeyexplorer.analysis;

import java.util.Objects;

/**
 * A place where a customer meets the brand or a competitor. {@code id} is the touchpoint's index in its
 * {@link JourneySnapshot}: stable for the life of the data set, so it is also the id used in graph exports.
 */
public record Touchpoint(int id, String name, String channel, String stage, Owner owner) {

    public Touchpoint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(owner, "owner");
        channel = channel == null ? "" : channel;
        stage = stage == null ? "" : stage;
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
