package com.journeyexplorer.export;

import java.util.ArrayList;
import java.util.List;

import org.jgrapht.Graph;

import com.journeyexplorer.analysis.Flows;
import com.journeyexplorer.journey.Touchpoint;

/**
 * What the exporters write: the pruned transition graph with its node and link attributes, the step-unrolled flows for
 * the Sankey format (empty unless asked for), and a description of the selection and the pruning.
 */
public record ExportGraph(Graph<ExportNode, ExportLink> graph, Meta meta, Flows flows) {

    /**
     * @param journeys     selected journeys, weighted
     * @param level        {@code touchpoint}, {@code channel} or {@code stage}
     * @param totalNodes   nodes before pruning
     * @param totalLinks   links before pruning
     * @param minJourneys  links with fewer journeys were pruned
     * @param maxEdges     at most this many links were kept, the ones with most journeys
     * @param dataVersion  the data snapshot's version: the same version and parameters give the same answer
     * @param stages       the stages in journey order ({@link Touchpoint#STAGES}), the order the nodes are sorted by;
     *                     other stages come after these
     */
    public record Meta(long journeys, String level, boolean collapseRepeats, int nodes, int links, int totalNodes,
            int totalLinks, long minJourneys, int maxEdges, long dataVersion, List<String> stages) {

        /**
         * How far the graph was pruned, for the file formats without {@code meta} (a GraphML description, a GEXF
         * one, a DOT comment): {@code 12 of 345 links shown, the busiest (minJourneys=1, maxEdges=12)}.
         */
        public String describePruning() {
            return links + " of " + totalLinks + " links shown, the busiest (minJourneys=" + minJourneys
                    + ", maxEdges=" + maxEdges + "); " + nodes + " of " + totalNodes + " nodes";
        }
    }

    /** Nodes: start, then by stage, then descending journeys; outcome nodes last. */
    public List<ExportNode> nodes() {
        return new ArrayList<>(graph.vertexSet());
    }

    /** Links by descending journeys, then source and target id. */
    public List<ExportLink> links() {
        return new ArrayList<>(graph.edgeSet());
    }
}
