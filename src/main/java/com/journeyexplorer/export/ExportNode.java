package com.journeyexplorer.export;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import com.journeyexplorer.analysis.ExperienceScore;

/**
 * A node of an exported transition graph.
 *
 * @param id                  stable across calls: {@code t<touchpoint id>} for a touchpoint, {@code start}, {@code
 *                            purchase}, {@code abandoned}, {@code diverted} for the fixed nodes, {@code label:<label>}
 *                            for a channel, stage or group label (with {@code % : >} percent-encoded, so that no link
 *                            id is a node's)
 * @param kind                {@code touchpoint}, {@code label}, {@code start} or {@code outcome}
 * @param channel             the channel; null (absent) when its touchpoints have none or several
 * @param stage               the stage (the most common one of its touchpoints), null (absent) when they have none;
 *                            {@code start} and {@code outcome} for the fixed nodes
 * @param owner               {@code own} or {@code competitor} (every touchpoint of the label is a competitor's)
 * @param journeys            selected journeys that pass through the node, weighted, each journey once
 * @param visits              steps at the node, weighted
 * @param purchaseProbability probability that a journey at this node goes on to buy (absorbing Markov chain of the
 *                            paths to purchase), clamped to [0, 1]; null where the node comes only after a purchase;
 *                            likewise {@code abandonProbability} and {@code divertProbability}
 * @param openProbability     probability that a journey at this node is still open, where the graph has open
 *                            journeys ({@code includeOpen=true}), so that the four sum to 1; null (absent) otherwise
 * @param responses           survey responses about the selected journeys passing through the node (each once), null
 *                            (absent) where there are none
 * @param meanScore           their mean normalized score, 0..1 (1 the best answer); null (absent) without responses
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExportNode(String id, String label, String kind, String channel, String stage, String owner,
        long journeys, long visits, Double purchaseProbability, Double abandonProbability, Double divertProbability,
        Double openProbability, Long responses, Double meanScore) {

    public static final String START_ID = "start";

    public ExportNode {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        channel = channel == null || channel.isEmpty() ? null : channel;
        stage = stage == null || stage.isEmpty() ? null : stage;
        purchaseProbability = CleanNumbers.probability(purchaseProbability);
        abandonProbability = CleanNumbers.probability(abandonProbability);
        divertProbability = CleanNumbers.probability(divertProbability);
        openProbability = CleanNumbers.probability(openProbability);
    }

    /** A node without survey responses. */
    public ExportNode(String id, String label, String kind, String channel, String stage, String owner,
            long journeys, long visits, Double purchaseProbability, Double abandonProbability,
            Double divertProbability, Double openProbability) {
        this(id, label, kind, channel, stage, owner, journeys, visits, purchaseProbability, abandonProbability,
                divertProbability, openProbability, null, null);
    }

    /** This node with the survey responses about its journeys; itself when {@code experience} is null. */
    ExportNode withExperience(ExperienceScore experience) {
        return experience == null ? this : new ExportNode(id, label, kind, channel, stage, owner, journeys, visits,
                purchaseProbability, abandonProbability, divertProbability, openProbability, experience.responses(),
                experience.meanScore());
    }

    @JsonIgnore
    public boolean isCompetitor() {
        return "competitor".equals(owner);
    }

    /**
     * The attributes every format writes, in this order; absent channel, stage, probabilities and responses are left
     * out.
     */
    public Map<String, Object> attributes() {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("label", label);
        attributes.put("kind", kind);
        if (channel != null) {
            attributes.put("channel", channel);
        }
        if (stage != null) {
            attributes.put("stage", stage);
        }
        attributes.put("owner", owner);
        attributes.put("journeys", journeys);
        attributes.put("visits", visits);
        if (purchaseProbability != null) {
            attributes.put("purchaseProbability", purchaseProbability);
            attributes.put("abandonProbability", abandonProbability);
            attributes.put("divertProbability", divertProbability);
        }
        if (openProbability != null) {
            attributes.put("openProbability", openProbability);
        }
        if (responses != null) {
            attributes.put("responses", responses);
            attributes.put("meanScore", meanScore);
        }
        return attributes;
    }
}
