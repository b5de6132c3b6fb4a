package com.journeyexplorer.export;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;

import org.jgrapht.nio.graphml.GraphMLExporter;
import org.jgrapht.nio.graphml.GraphMLExporter.AttributeCategory;

/**
 * GraphML through jgrapht-io's {@link GraphMLExporter}, for yEd, Gephi, NetworkX and igraph: node ids are the stable
 * ids, every attribute is a typed {@code <key>}. {@code journeys} is declared once for nodes and edges (GraphML keys
 * are shared by name). The graph's {@code <desc>} says how far it was pruned. GraphML's schema makes node and edge ids
 * XML name tokens, which {@code t5->t8} or {@code label:Product page} are not, so ids are written as
 * {@linkplain #nameToken name tokens}; text goes through {@link XmlText}, so the file is well-formed and valid whatever
 * the names hold.
 */
public final class GraphMlExporter implements GraphExporter {

    @Override
    public String format() {
        return "graphml";
    }

    @Override
    public String mediaType() {
        return "application/graphml+xml";
    }

    @Override
    public String fileName() {
        return "journey-graph.graphml";
    }

    @Override
    public void export(ExportGraph graph, Writer writer) throws IOException {
        GraphMLExporter<ExportNode, ExportLink> exporter = new GraphMLExporter<>(node -> nameToken(node.id()));
        exporter.setEdgeIdProvider(link -> nameToken(link.id()));
        exporter.setExportEdgeWeights(false);
        Attributes.NODE.forEach((name, type) -> exporter.registerAttribute(name,
                Attributes.LINK.containsKey(name) ? AttributeCategory.ALL : AttributeCategory.NODE, type));
        Attributes.LINK.forEach((name, type) -> {
            if (!Attributes.NODE.containsKey(name)) {
                exporter.registerAttribute(name, AttributeCategory.EDGE, type);
            }
        });
        exporter.setVertexAttributeProvider(node -> Attributes.of(node.attributes(), XmlText::clean));
        exporter.setEdgeAttributeProvider(link -> Attributes.of(link.attributes(), XmlText::clean));
        StringWriter body = new StringWriter();
        exporter.exportGraph(graph.graph(), body);
        writer.write(withDescription(body.toString(), graph.meta().describePruning()));
    }

    /**
     * {@code id} as an XML name token ({@code xs:NMTOKEN}, GraphML's type of node and edge ids): ASCII letters,
     * digits, {@code . : - _} as they are, every other character as {@code _xHHHH_} with its code point in hex (the
     * escape of .NET's {@code XmlConvert.EncodeNmToken}), and an underscore that starts {@code _x} as
     * {@code _x005F_}, so that distinct ids stay distinct and decode back: {@code t5->t8} is {@code t5-_x003E_t8}.
     * Ids that are already tokens ({@code t12}, {@code start}, {@code label:web}) stay as they are.
     */
    static String nameToken(String id) {
        return XmlText.escapedId(id, c -> c < 0x80 && (Character.isLetterOrDigit(c) || c == '.' || c == ':'
                || c == '-' || c == '_'));
    }

    /**
     * {@code graphMl} with a {@code <desc>} as the first child of its {@code <graph>}, where GraphML keeps a graph's
     * description (jgrapht-io writes none). {@code text} holds no markup.
     */
    static String withDescription(String graphMl, String text) {
        int graph = graphMl.indexOf("<graph ");
        int end = graphMl.indexOf('>', graph) + 1;
        return graphMl.substring(0, end) + "<desc>" + text + "</desc>" + graphMl.substring(end);
    }
}
