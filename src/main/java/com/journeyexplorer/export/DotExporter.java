package com.journeyexplorer.export;

import java.io.IOException;
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
 * gives a readable map. Ids that are not plain DOT identifiers (such as {@code label:Social}) are quoted. Names may
 * hold backslashes, quotes, tabs and line breaks, so every quoted string is {@linkplain #text escaped}: Graphviz reads
 * {@code \"} and a trailing backslash as part of the syntax, {@code \N} or {@code \l} in a label as escapes, and
 * {@code &amp;} or {@code &#1;} in a label as an HTML entity. Graphviz writes labels and ids into SVG as they are, so
 * characters XML cannot hold become U+FFFD in values and a backslash-u escape in ids, as in GraphML and GEXF. A first
 * comment line says how far the graph was pruned.
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
    public void export(ExportGraph graph, Writer writer) throws IOException {
        DOTExporter<ExportNode, ExportLink> exporter = new DOTExporter<>(node -> dotId(node.id()));
        long maxJourneys = Math.max(1, graph.links().stream().mapToLong(ExportLink::journeys).max().orElse(1));
        exporter.setGraphIdProvider(() -> "journeys");
        exporter.setGraphAttributeProvider(() -> {
            Map<String, Attribute> attributes = new LinkedHashMap<>();
            attributes.put("rankdir", DefaultAttribute.createAttribute("LR"));
            return attributes;
        });
        exporter.setVertexAttributeProvider(node -> {
            Map<String, Attribute> attributes = Attributes.of(node.attributes(), DotExporter::text);
            attributes.put("shape", DefaultAttribute.createAttribute(
                    node.kind().equals("outcome") || node.kind().equals("start") ? "ellipse" : "box"));
            if (node.isCompetitor()) {
                attributes.put("color", DefaultAttribute.createAttribute(WARNING));
            }
            return attributes;
        });
        exporter.setEdgeAttributeProvider(link -> {
            Map<String, Attribute> attributes = Attributes.of(link.attributes(), DotExporter::text);
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
        writer.write("// " + graph.meta().describePruning() + "\n");
        exporter.exportGraph(graph.graph(), writer);
    }

    /**
     * The id as is when DOT allows it bare, else quoted: backslashes and quotes escaped, line feed, carriage return and
     * tab written as {@code \n}, {@code \r} and {@code \t}, and the other line separators jgrapht-io refuses in a
     * quoted id (U+0085, U+2028, U+2029) and the characters XML cannot hold (which would make Graphviz's SVG
     * unreadable) as a backslash, {@code u} and their hex code. A backslash of the name is doubled, so distinct names
     * keep distinct ids.
     */
    static String dotId(String id) {
        if (PLAIN_ID.matcher(id).matches()) {
            return id;
        }
        StringBuilder quoted = new StringBuilder(id.length() + 2).append('"');
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            switch (c) {
                case '\\' -> quoted.append("\\\\");
                case '"' -> quoted.append("\\\"");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                case '\u0085', '\u2028', '\u2029' -> quoted.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                default -> {
                    boolean pair = Character.isHighSurrogate(c) && i + 1 < id.length()
                            && Character.isLowSurrogate(id.charAt(i + 1));
                    if (pair) {
                        quoted.append(c).append(id.charAt(++i));
                    } else if (XmlText.allowed(c)) {
                        quoted.append(c);
                    } else {
                        quoted.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    /**
     * An attribute value as Graphviz should show it, for jgrapht-io to quote (it escapes the quotes): a backslash
     * doubled, which Graphviz shows as one (so {@code \N} or a trailing backslash stays text), an ampersand as
     * {@code &amp;} (so a name like {@code R&amp;D} is not shown as {@code R&D}), a line break (LF, CR or CRLF) as
     * DOT's {@code \n}, a tab as a space, and a character XML cannot hold as U+FFFD ({@link XmlText#clean}).
     */
    static String text(String raw) {
        String value = XmlText.clean(raw);
        StringBuilder text = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\n' -> text.append("\\n");
                case '\r' -> {
                    if (i + 1 < value.length() && value.charAt(i + 1) == '\n') {
                        i++;
                    }
                    text.append("\\n");
                }
                case '\t' -> text.append(' ');
                case '&' -> text.append("&amp;");
                default -> text.append(c);
            }
        }
        return text.toString();
    }
}
