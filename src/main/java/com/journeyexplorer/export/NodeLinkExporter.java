package com.journeyexplorer.export;

import java.io.Writer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * D3 force's node-link JSON: {@code {directed, multigraph, nodes:[{id,...}], links:[{source,target,...}], meta}} with
 * links naming their nodes by id (use {@code d3.forceLink().id(d => d.id)}). {@code directed} (always true) and
 * {@code multigraph} are the node-link convention's keys, so that NetworkX's {@code node_link_graph} loads a directed
 * graph, and a multigraph when two links join the same nodes in the same direction (a post-purchase link beside one on
 * the way to purchase, as at {@code level=channel}).
 */
public final class NodeLinkExporter implements GraphExporter {

    record NodeLink(boolean directed, boolean multigraph, List<ExportNode> nodes, List<Link> links,
            ExportGraph.Meta meta) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Link(String source, String target, long journeys, long count, double probability, Double medianSeconds,
            Double meanSeconds, boolean diversion, boolean postPurchase) {

        static Link of(ExportLink link) {
            return new Link(link.source(), link.target(), link.journeys(), link.count(), link.probability(),
                    link.medianSeconds(), link.meanSeconds(), link.diversion(), link.postPurchase());
        }
    }

    @Override
    public String format() {
        return "node-link";
    }

    @Override
    public String mediaType() {
        return "application/json";
    }

    @Override
    public String fileName() {
        return "journey-graph.json";
    }

    @Override
    public void export(ExportGraph graph, Writer writer) {
        List<Link> links = graph.links().stream().map(Link::of).toList();
        Set<List<String>> ends = new HashSet<>();
        boolean parallel = !links.stream().allMatch(link -> ends.add(List.of(link.source(), link.target())));
        Json.write(new NodeLink(true, parallel, graph.nodes(), links, graph.meta()), writer);
    }
}
