package com.journeyexplorer.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedPseudograph;
import org.jgrapht.nio.gexf.SimpleGEXFImporter;
import org.jgrapht.nio.graphml.GraphMLImporter;
import org.jgrapht.util.SupplierUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.journeyexplorer.ApiTestSupport;

import tools.jackson.databind.JsonNode;

/**
 * Touchpoint and channel names that break careless writers, imported through {@code POST /api/events}, then every
 * format read back by a parser of its kind: each node keeps its name, or the substitution the README states. The
 * import refuses U+FFFE and U+FFFF, which XML cannot hold, so their replacement is tested on snapshots built directly
 * ({@code ExportGraphsTests}, {@code DotExporterTests}).
 */
class GraphExportHostileNamesTests extends ApiTestSupport {

    static final List<String> NAMES = List.of("Say \"hi\"", "back\\slash\\", "<![CDATA[", "]]>", "a]]>b<c>&d'e",
            "line\nbreak", "tab\there", "cr\r\nlf", "node", "graph", "edge", "subgraph", "strict", "digraph", "NODE",
            "Node", "1st page", "-dash", "123", "=1+1", "+SUM(A1)", "@cmd", "a,b;c", "x".repeat(500), "Home", "home",
            "Caf\u00e9", "Cafe\u0301", "\uD83D\uDED2 Cart", "\u202Eevil\u202C", "Caf\uFFFD", "x -> y", "t1", "label:x",
            "start", "(other)", "#comment", "/*c*/", "\\N", "<b>html</b>", "R&amp;D", "&#1;", "_x0041_", "\u00A0=nbsp");
    static final List<String> CHANNELS = List.of("node", "a->b", "Say \"c\"", "]]>", "=chan", "chan\\", "_x", "b c");

    private static boolean imported;

    /** Two journeys per name: the next name, then the name, each with a channel of its own. */
    @BeforeEach
    void importHostileNames() {
        if (imported) {
            return;
        }
        StringBuilder csv = new StringBuilder("journey_id,timestamp,touchpoint,channel\n");
        for (int i = 0; i < NAMES.size(); i++) {
            for (int copy = 0; copy < 2; copy++) {
                String journey = "j" + i + "-" + copy;
                csv.append(journey).append(",2026-03-01T10:00:00Z,").append(quoted(NAMES.get((i + 1) % NAMES.size())))
                        .append(',').append(quoted(CHANNELS.get((i + 1) % CHANNELS.size()))).append('\n');
                csv.append(journey).append(",2026-03-01T10:01:00Z,").append(quoted(NAMES.get(i))).append(',')
                        .append(quoted(CHANNELS.get(i % CHANNELS.size()))).append('\n');
            }
        }
        Response response = post("/api/events?openHorizon=0", "text/csv", csv.toString());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        imported = true;
    }

    private Map<String, String> storedNames() {
        Map<String, String> names = new HashMap<>();
        get("/api/touchpoints").json().forEach(t -> names.put("t" + t.get("id").asInt(), t.get("name").asString()));
        assertThat(names.values()).containsExactlyInAnyOrderElementsOf(NAMES);
        return names;
    }

    @Test
    void everyFormatKeepsEveryNodeAndItsName() {
        Map<String, String> names = storedNames();
        for (String level : List.of("touchpoint", "channel")) {
            Map<String, String> expected = new HashMap<>();
            get("/api/graph?maxEdges=5000&level=" + level).json().get("nodes")
                    .forEach(node -> expected.put(node.get("id").asString(), node.get("label").asString()));
            if (level.equals("touchpoint")) {
                names.forEach((id, name) -> assertThat(expected).containsEntry(id, name));
            } else {
                assertThat(expected.values()).containsAll(CHANNELS);
            }
            for (String format : List.of("cytoscape", "graphml", "gexf")) {
                Map<String, String> labels = new HashMap<>();
                GraphExportChecks.parse(format, get("/api/graph?maxEdges=5000&format=" + format + "&level=" + level)
                        .body()).nodes().forEach((id, attributes) -> labels.put(id, attributes.get("label")));
                Map<String, String> written = new HashMap<>();
                expected.forEach((id, label) -> written.put(id, format.equals("cytoscape") ? label
                        : XmlText.clean(label)));
                assertThat(labels).as(format + " " + level).isEqualTo(written);
            }
            Map<String, String> csvLabels = new HashMap<>();
            GraphExportChecks.parse("csv", get("/api/graph?maxEdges=5000&format=csv&level=" + level).body()).nodes()
                    .forEach((id, attributes) -> csvLabels.put(id, attributes.get("label")));
            csvLabels.forEach((id, label) -> assertThat(label).as("csv " + id)
                    .isEqualTo(("=+-@".indexOf(expected.get(id).charAt(0)) >= 0 ? "'" : "") + expected.get(id)));
            // an edge list: every touchpoint or channel node is at the end of a link, the outcomes only if reached
            assertThat(expected.keySet()).containsAll(csvLabels.keySet());
            assertThat(csvLabels.keySet()).containsAll(expected.keySet().stream()
                    .filter(id -> id.startsWith("t") || id.startsWith("label:")).toList());
        }
    }

    /** A touchpoint named "(other)", as GA exports name a row, kept at a step: the merged node takes another name. */
    @Test
    void aTouchpointNamedOtherKeepsApartFromTheSankeysMergedNode() {
        JsonNode flows = get("/api/flows?steps=2&topPerStep=5").json();
        JsonNode sankey = get("/api/graph?format=sankey&steps=2&topPerStep=5").json();
        for (Map.Entry<JsonNode, String> nodesAndCount : Map.of(flows.get("nodes"), "journeys",
                sankey.get("nodes"), "value").entrySet()) {
            Map<String, JsonNode> byId = new HashMap<>();
            nodesAndCount.getKey().forEach(node -> assertThat(byId.put(node.get("id").asString(), node))
                    .as("one node per id").isNull());
            String journeys = nodesAndCount.getValue();
            assertThat(byId.get("0:(other)").get(journeys).asLong()).isEqualTo(2);
            assertThat(byId.get("0:(other 2)").get(journeys).asLong()).isEqualTo(2L * NAMES.size() - 10);
        }
        assertThat(flows.get("nodes")).filteredOn(node -> node.get("merged").asBoolean())
                .extracting(node -> node.get("id").asString()).containsExactly("0:(other 2)", "1:(other 2)");
        assertThat(sankey.get("nodes")).filteredOn(node -> node.get("kind").asString().equals("other"))
                .extracting(node -> node.get("id").asString()).containsExactly("0:(other 2)", "1:(other 2)");
    }

    @Test
    void graphMlAndGexfAreValidAgainstTheirSchemas() {
        for (String level : List.of("touchpoint", "channel")) {
            int nodes = get("/api/graph?maxEdges=5000&level=" + level).json().get("nodes").size();
            Graph<String, DefaultEdge> graphMl = new DirectedPseudograph<>(null, SupplierUtil.DEFAULT_EDGE_SUPPLIER,
                    false);
            GraphMLImporter<String, DefaultEdge> graphMlImporter = new GraphMLImporter<>();
            graphMlImporter.setSchemaValidation(true);
            graphMlImporter.setVertexFactory(GraphExportChecks::fromNameToken);
            graphMlImporter.importGraph(graphMl, new StringReader(get("/api/graph?maxEdges=5000&format=graphml&level="
                    + level).body()));
            assertThat(graphMl.vertexSet()).as(level).hasSize(nodes);

            Graph<String, DefaultEdge> gexf = new DirectedPseudograph<>(SupplierUtil.createStringSupplier(),
                    SupplierUtil.DEFAULT_EDGE_SUPPLIER, false);
            SimpleGEXFImporter<String, DefaultEdge> gexfImporter = new SimpleGEXFImporter<>();
            gexfImporter.setSchemaValidation(true);
            gexfImporter.importGraph(gexf, new StringReader(get("/api/graph?maxEdges=5000&format=gexf&level="
                    + level).body()));
            assertThat(gexf.vertexSet()).as(level).hasSize(nodes);
        }
    }

    @Test
    void graphvizDrawsEveryNameIntoWellFormedSvg() throws Exception {
        Map<String, String> names = storedNames();
        List<String> drawn = Graphviz.drawnTexts(Graphviz.svg(get("/api/graph?maxEdges=5000&format=dot").body()));
        for (String name : names.values()) {
            if (name.matches("(?s).*[\\n\\r\\t].*")) {
                continue; // drawn on two lines, or with a space for the tab (the README's substitution)
            }
            assertThat(drawn).as(name).contains(XmlText.clean(name));
        }
        assertThat(drawn).contains("line", "break", "tab here");
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
