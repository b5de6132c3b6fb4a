package com.journeyexplorer.export;

import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.dot.DOTExporter;

/**
 * Graphviz DOT through jgrapht-io's {@link DOTExporter}: a digraph laid out left to right whose nodes and edges carry
 * every attribute, plus drawing hints ({@code color}, {@code penwidth}, {@code shape}) so that {@code dot -Tsvg}
 * gives a readable map. Ids that are not plain DOT identifiers (such as {@code label:Social}) are quoted.
 */
public final class DotExporter implements GraphExporter {

    private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z_][A-Za-z_0-9]*");
    static final String WARNING = "#d9480f";

    @Override
    public String format() {
        return "dot";
    }

    @Override
    public String mediaType() {
        return "text/vnd.graphviz";
    }

    @Override
    public String fileName() {
        return "journey-graph.dot";
    }

    @Override
    public void export(ExportGraph graph, Writer writer) {
        DOTExporter<ExportNode, ExportLink> exporter = new DOTExporter<>(node -> dotId(node.id()));
        long maxJourneys = Math.max(1, graph.links().stream().mapToLong(ExportLink::journeys).max().orElse(1));
        exporter.setGraphIdProvider(() -> "journeys");
        exporter.setGraphAttributeProvider(() -> {
            Map<String, Attribute> attributes = new LinkedHashMap<>();
            attributes.put("rankdir", DefaultAttribute.createAttribute("LR"));
            return attributes;
        });
        exporter.setVertexAttributeProvider(node -> {
            Map<String, Attribute> attributes = Attributes.of(node.attributes());
            attributes.put("shape", DefaultAttribute.createAttribute(
                    node.kind().equals("outcome") || node.kind().equals("start") ? "ellipse" : "box"));
            if (node.isCompetitor()) {
                attributes.put("color", DefaultAttribute.createAttribute(WARNING));
            }
            return attributes;
        });
        exporter.setEdgeAttributeProvider(link -> {
            Map<String, Attribute> attributes = Attributes.of(link.attributes());
            attributes.put("penwidth", DefaultAttribute.createAttribute(String.format(Locale.ROOT, "%.2f",
                    0.5 + 7.5 * link.journeys() / maxJourneys)));
            if (link.diversion()) {
                attributes.put("color", DefaultAttribute.createAttribute(WARNING));
            }
            if (link.postPurchase()) {
                attributes.put("style", DefaultAttribute.createAttribute("dashed"));
            }
            return attributes;
        });
        exporter.exportGraph(graph.graph(), writer);
    }

    /** The id as is when DOT allows it bare, else quoted with inner quotes escaped. */
    static String dotId(String id) {
        if (PLAIN_ID.matcher(id).matches()) {
            return id;
        }
        return "\"" + id.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
