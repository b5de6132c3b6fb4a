package com.journeyexplorer.export;

import java.io.Writer;

import org.jgrapht.nio.AttributeType;
import org.jgrapht.nio.gexf.GEXFAttributeType;
import org.jgrapht.nio.gexf.GEXFExporter;
import org.jgrapht.nio.gexf.GEXFExporter.AttributeCategory;

import com.journeyexplorer.analysis.Counted;

/**
 * GEXF 1.2 through jgrapht-io's {@link GEXFExporter}, for Gephi: {@code label} is the node's GEXF label, the other
 * attributes are typed {@code <attvalue>}s; an edge's GEXF {@code weight} is its journeys. Ids and text go through
 * {@link XmlText}, so the file is well-formed whatever the names hold, and distinct ids stay distinct.
 */
public final class GexfExporter implements GraphExporter {

    @Override
    public String format() {
        return "gexf";
    }

    @Override
    public String mediaType() {
        return "application/gexf+xml";
    }

    @Override
    public String fileName() {
        return "journey-graph.gexf";
    }

    @Override
    public void export(ExportGraph graph, Writer writer) {
        GEXFExporter<ExportNode, ExportLink> exporter = new GEXFExporter<>(node -> XmlText.id(node.id()),
                link -> XmlText.id(link.id()));
        exporter.setCreator("Journey Explorer");
        exporter.setDescription("Customer journey transitions: " + Counted.of(graph.meta().journeys(), "journey")
                + ", level "
                + graph.meta().level() + "; " + graph.meta().describePruning());
        exporter.setParameter(GEXFExporter.Parameter.EXPORT_EDGE_WEIGHTS, true);
        Attributes.NODE.forEach((name, type) -> {
            if (!name.equals("label")) {
                exporter.registerAttribute(name, AttributeCategory.NODE, gexfType(type));
            }
        });
        Attributes.LINK.forEach((name, type) -> exporter.registerAttribute(name, AttributeCategory.EDGE,
                gexfType(type)));
        exporter.setVertexAttributeProvider(node -> Attributes.of(node.attributes(), XmlText::clean));
        exporter.setEdgeAttributeProvider(link -> Attributes.of(link.attributes(), XmlText::clean));
        exporter.exportGraph(graph.graph(), writer);
    }

    private static GEXFAttributeType gexfType(AttributeType type) {
        return switch (type) {
            case LONG -> GEXFAttributeType.LONG;
            case DOUBLE -> GEXFAttributeType.DOUBLE;
            case BOOLEAN -> GEXFAttributeType.BOOLEAN;
            default -> GEXFAttributeType.STRING;
        };
    }
}
