package com.journeyexplorer.export;

import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cytoscape.js elements JSON: {@code {elements:{nodes:[{data:{id,...}}], edges:[{data:{id,source,target,...}}]}}},
 * loadable with {@code cytoscape({elements: answer.elements})} or Cytoscape desktop's "Import network from file".
 */
public final class CytoscapeExporter implements GraphExporter {

    record Document(Elements elements, ExportGraph.Meta meta) {
    }

    record Elements(List<Element> nodes, List<Element> edges) {
    }

    record Element(Map<String, Object> data) {
    }

    @Override
    public String format() {
        return "cytoscape";
    }

    @Override
    public String mediaType() {
        return "application/json";
    }

    @Override
    public String fileName() {
        return "journey-graph.cyjs";
    }

    @Override
    public void export(ExportGraph graph, Writer writer) {
        List<Element> nodes = graph.nodes().stream().map(node -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("id", node.id());
            data.putAll(node.attributes());
            return new Element(data);
        }).toList();
        List<Element> edges = graph.links().stream().map(link -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("id", link.id());
            data.put("source", link.source());
            data.put("target", link.target());
            data.putAll(link.attributes());
            return new Element(data);
        }).toList();
        Json.write(new Document(new Elements(nodes, edges), graph.meta()), writer);
    }
}
