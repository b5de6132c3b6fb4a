package com.journeyexplorer.export;

import java.io.Writer;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * D3 force's node-link JSON: {@code {nodes:[{id,...}], links:[{source,target,...}], meta}} with links naming their
 * nodes by id (use {@code d3.forceLink().id(d => d.id)}).
 */
public final class NodeLinkExporter implements GraphExporter {

    record NodeLink(List<ExportNode> nodes, List<Link> links, ExportGraph.Meta meta) {
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
        Json.write(new NodeLink(graph.nodes(), graph.links().stream().map(Link::of).toList(), graph.meta()), writer);
    }
}
