package com.journeyexplorer.export;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jgrapht.graph.DefaultWeightedEdge;

import com.journeyexplorer.analysis.Counted;

/**
 * A link of an exported transition graph: the aggregated transition from one node to the next. A class, not a record,
 * so that its identity does not depend on its endpoints (JGraphT edges).
 */
public class ExportLink extends DefaultWeightedEdge {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final String target;
    private final long journeys;
    private final long count;
    private final double probability;
    private final Double medianSeconds;
    private final Double meanSeconds;
    private final boolean diversion;
    private final boolean postPurchase;

    /**
     * @param diversion    the link leads from one of our touchpoints (or the start) to a competitor's, or from a
     *                     competitor's into {@code diverted}
     * @param postPurchase the link follows the journeys' first purchase (loyalty, advocacy, a further order); such a
     *                     link may join the same two nodes as a link on the way to purchase
     */
    ExportLink(String source, String target, long journeys, long count, double probability, Double medianSeconds,
            Double meanSeconds, boolean diversion, boolean postPurchase) {
        this.source = source;
        this.target = target;
        this.journeys = journeys;
        this.count = count;
        this.probability = CleanNumbers.probability(probability);
        this.medianSeconds = medianSeconds;
        this.meanSeconds = meanSeconds;
        this.diversion = diversion;
        this.postPurchase = postPurchase;
    }

    /** The source node's id. */
    public String source() {
        return source;
    }

    /** The target node's id. */
    public String target() {
        return target;
    }

    /** A stable id: {@code source->target}, and {@code source->target:post} for a post-purchase link. */
    public String id() {
        return source + "->" + target + (postPurchase ? ":post" : "");
    }

    public long journeys() {
        return journeys;
    }

    public long count() {
        return count;
    }

    public double probability() {
        return probability;
    }

    /** Median seconds between the two steps; null on start and outcome links and for untimed data. */
    public Double medianSeconds() {
        return medianSeconds;
    }

    public Double meanSeconds() {
        return meanSeconds;
    }

    public boolean diversion() {
        return diversion;
    }

    public boolean postPurchase() {
        return postPurchase;
    }

    /** The attributes every format writes, in this order; absent timings are left out. */
    public Map<String, Object> attributes() {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("journeys", journeys);
        attributes.put("count", count);
        attributes.put("probability", probability);
        if (medianSeconds != null) {
            attributes.put("medianSeconds", medianSeconds);
            attributes.put("meanSeconds", meanSeconds);
        }
        attributes.put("diversion", diversion);
        attributes.put("postPurchase", postPurchase);
        return attributes;
    }

    @Override
    public String toString() {
        return id() + " (" + Counted.of(journeys, "journey") + ")";
    }
}
