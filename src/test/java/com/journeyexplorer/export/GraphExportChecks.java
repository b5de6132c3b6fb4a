package com.journeyexplorer.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jgrapht.Graph;
import org.jgrapht.graph.DirectedPseudograph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.nio.dot.DOTImporter;
import org.jgrapht.nio.graphml.GraphMLImporter;
import org.jgrapht.util.SupplierUtil;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import com.journeyexplorer.ApiTestSupport;

import tools.jackson.databind.JsonNode;

/**
 * Every graph format parsed back with a parser of its own kind (JSON, XML, jgrapht-io's DOT importer, CSV) and
 * checked against {@code /api/transitions}: same nodes, same edges, same journeys and counts. Subclasses load data.
 */
abstract class GraphExportChecks extends ApiTestSupport {

    static final String ALL_EDGES = "maxEdges=5000";

    /** A graph read back from a format: node id -> attributes (with "label"), edge "source->target" -> attributes. */
    record Parsed(Map<String, Map<String, String>> nodes, Map<String, Map<String, String>> edges) {

        /**
         * Edges keyed by the labels of their ends, {@code from -> to}, and {@code from -> to (post)} for a
         * post-purchase link.
         */
        Map<String, Map<String, String>> edgesByLabel() {
            Map<String, Map<String, String>> byLabel = new HashMap<>();
            edges.forEach((key, attributes) -> {
                boolean post = key.endsWith(POST);
                String[] ends = (post ? key.substring(0, key.length() - POST.length()) : key).split("->", 2);
                byLabel.put(nodes.get(ends[0]).get("label") + " -> " + nodes.get(ends[1]).get("label")
                        + (post ? " (post)" : ""), attributes);
            });
            return byLabel;
        }
    }

    private static final String POST = ":post";

    /** An exported link's id: {@code source->target}, with {@code :post} for a post-purchase link. */
    static String edgeKey(String source, String target, Map<String, String> attributes) {
        return source + "->" + target + ("true".equals(attributes.get("postPurchase")) ? POST : "");
    }

    /** {@code /api/transitions} as "from -> to" (with " (post)" after the purchase) -> {journeys, count}. */
    Map<String, long[]> transitions() {
        return transitions("");
    }

    /** As {@link #transitions()}, for the given query. */
    Map<String, long[]> transitions(String query) {
        Map<String, long[]> expected = new HashMap<>();
        for (JsonNode t : get("/api/transitions?limit=100000" + query).json().get("transitions")) {
            expected.put(t.get("from").asString() + " -> " + t.get("to").asString()
                    + (t.get("postPurchase").asBoolean() ? " (post)" : ""),
                    new long[] {t.get("journeys").asLong(), t.get("count").asLong()});
        }
        return expected;
    }

    @ParameterizedTest
    @ValueSource(strings = {"node-link", "cytoscape", "graphml", "gexf", "dot", "csv"})
    void everyFormatHoldsTheSameEdgesAsTheTransitions(String format) {
        Map<String, long[]> expected = transitions();
        Parsed parsed = parse(format, get("/api/graph?format=" + format + "&" + ALL_EDGES).body());
        Map<String, Map<String, String>> edges = parsed.edgesByLabel();
        assertThat(edges.keySet()).as(format).isEqualTo(expected.keySet());
        expected.forEach((key, counts) -> {
            assertThat(Long.parseLong(edges.get(key).get("journeys"))).as(format + " journeys " + key)
                    .isEqualTo(counts[0]);
            assertThat(Long.parseLong(edges.get(key).get("count"))).as(format + " count " + key)
                    .isEqualTo(counts[1]);
        });
        if (!format.equals("csv")) {
            for (Map<String, String> node : parsed.nodes().values()) {
                assertThat(node).as(format).containsKeys("label", "kind", "owner", "journeys");
            }
            assertThat(parsed.nodes()).containsKeys("start", "purchase", "abandoned", "diverted");
        }
    }

    /**
     * GraphML read by jgrapht-io's importer, which validates against GraphML's schema: node and edge ids must be XML
     * name tokens, which {@code t5->t8} is not. The same nodes and edges as the transitions.
     */
    @Test
    void graphMlIsValidAgainstTheGraphMlSchema() {
        for (String query : List.of("", "&level=channel", "&group=Every%20step%20%22%5C%3E:.*")) {
            Response response = get("/api/graph?format=graphml&" + ALL_EDGES + query);
            if (query.contains("level") && response.status() != 200) {
                continue; // touchpoints without channels: a problem naming level
            }
            String body = response.body();
            Graph<String, DefaultEdge> graph = new DirectedPseudograph<>(null, SupplierUtil.DEFAULT_EDGE_SUPPLIER,
                    false);
            GraphMLImporter<String, DefaultEdge> importer = new GraphMLImporter<>();
            importer.setSchemaValidation(true);
            importer.setVertexFactory(GraphExportChecks::fromNameToken);
            importer.importGraph(graph, new StringReader(body));
            Parsed parsed = parse("graphml", body);
            assertThat(graph.vertexSet()).as(query).isEqualTo(parsed.nodes().keySet());
            assertThat(graph.edgeSet()).as(query).hasSize(parsed.edges().size());
        }
    }

    @Test
    void touchpointsKeepTheirIdsAcrossFormatsAndCalls() {
        Map<String, String> ids = new HashMap<>();
        for (JsonNode touchpoint : get("/api/touchpoints").json()) {
            ids.put("t" + touchpoint.get("id").asInt(), touchpoint.get("name").asString());
        }
        for (String format : List.of("node-link", "graphml", "gexf", "dot")) {
            Parsed parsed = parse(format, get("/api/graph?format=" + format + "&" + ALL_EDGES).body());
            parsed.nodes().forEach((id, attributes) -> {
                if (id.startsWith("t")) {
                    assertThat(attributes.get("label")).as(format + " " + id).isEqualTo(ids.get(id));
                }
            });
            assertThat(parsed.nodes().keySet()).as(format).containsAll(touchpointsWithEdges(ids));
        }
        assertThat(get("/api/graph").body()).isEqualTo(get("/api/graph?format=node-link").body());
    }

    private Set<String> touchpointsWithEdges(Map<String, String> ids) {
        Set<String> names = new HashSet<>();
        transitions().keySet().forEach(key -> names.addAll(List.of(key.split(" -> "))));
        Set<String> result = new HashSet<>();
        ids.forEach((id, name) -> {
            if (names.contains(name)) {
                result.add(id);
            }
        });
        return result;
    }

    @Test
    void everyFormatHasItsMediaTypeAndFileName() throws Exception {
        Map<String, String[]> expected = new LinkedHashMap<>();
        expected.put("node-link", new String[] {"application/json", "journey-graph.json"});
        expected.put("cytoscape", new String[] {"application/json", "journey-graph.cyjs"});
        expected.put("sankey", new String[] {"application/json", "journey-sankey.json"});
        expected.put("graphml", new String[] {"application/graphml+xml", "journey-graph.graphml"});
        expected.put("gexf", new String[] {"application/gexf+xml", "journey-graph.gexf"});
        expected.put("dot", new String[] {"text/vnd.graphviz", "journey-graph.dot"});
        expected.put("csv", new String[] {"text/csv", "journey-graph.csv"});
        HttpClient client = HttpClient.newHttpClient();
        for (var entry : expected.entrySet()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/api/graph?format=" + entry.getKey())).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).as(entry.getKey())
                    .startsWith(entry.getValue()[0]);
            assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).as(entry.getKey())
                    .isEqualTo("attachment; filename=\"" + entry.getValue()[1] + "\"");
        }
    }

    @Test
    void rejectsAnUnknownFormatListingTheFormats() {
        Response response = get("/api/graph?format=pajek");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("parameter").asString()).isEqualTo("format");
        assertThat(response.json().get("detail").asString()).contains("node-link", "cytoscape", "sankey", "graphml",
                "gexf", "dot", "csv");
        assertThat(get("/api/graph?maxEdges=0").status()).isEqualTo(400);
        assertThat(get("/api/graph?maxEdges=5001").status()).isEqualTo(400);
        for (String query : List.of("steps=abc", "steps=0", "format=dot&steps=21", "topPerStep=-3",
                "format=csv&topPerStep=51", "format=sankey&steps=abc")) {
            Response wrong = get("/api/graph?" + query);
            assertThat(wrong.status()).as(query).isEqualTo(400);
            assertThat(wrong.json().get("parameter").asString()).as(query)
                    .isEqualTo(query.contains("steps=") ? "steps" : "topPerStep");
        }
    }

    @Test
    void prunesToTheLinksWithMostJourneysAndSaysSoInEveryFormat() throws Exception {
        List<Long> all = transitions().values().stream().map(counts -> counts[0])
                .sorted(java.util.Comparator.reverseOrder()).toList();
        JsonNode graph = get("/api/graph?maxEdges=5").json();
        assertThat(graph.get("links")).hasSize(Math.min(5, all.size()));
        for (int i = 0; i < graph.get("links").size(); i++) {
            assertThat(graph.get("links").get(i).get("journeys").asLong()).isEqualTo(all.get(i));
        }
        assertThat(graph.get("meta").get("totalLinks").asInt()).isEqualTo(all.size());
        Set<String> ids = new HashSet<>();
        graph.get("nodes").forEach(node -> ids.add(node.get("id").asString()));
        graph.get("links").forEach(link -> assertThat(ids).contains(link.get("source").asString(),
                link.get("target").asString()));
        HttpClient client = HttpClient.newHttpClient();
        for (String format : GraphFormats.names()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/api/graph?maxEdges=5&format=" + format)).build(), HttpResponse.BodyHandlers.ofString());
            if (format.equals("sankey")) {
                assertThat(response.headers().firstValue("Journeys-Links-Shown"))
                        .as("the unrolled steps are not the pruned graph the headers count").isEmpty();
                continue;
            }
            assertThat(response.headers().firstValue("Journeys-Links-Shown")).as(format)
                    .hasValue(String.valueOf(Math.min(5, all.size())));
            assertThat(response.headers().firstValue("Journeys-Links-Total")).as(format)
                    .hasValue(String.valueOf(all.size()));
            if (List.of("graphml", "gexf", "dot").contains(format)) {
                assertThat(response.body()).as(format).contains(Math.min(5, all.size()) + " of " + all.size()
                        + " links shown, the busiest (minJourneys=1, maxEdges=5)");
            }
        }
        assertThat(xml(get("/api/graph?format=graphml&maxEdges=5").body()).getElementsByTagName("graph").item(0)
                .getFirstChild().getTextContent()).startsWith(Math.min(5, all.size()) + " of " + all.size());
        long min = all.get(Math.min(3, all.size() - 1));
        get("/api/graph?minJourneys=" + min).json().get("links")
                .forEach(link -> assertThat(link.get("journeys").asLong()).isGreaterThanOrEqualTo(min));
    }

    @Test
    void nodeLinkSaysItIsDirectedAndAMultigraphExactlyWhenTwoLinksJoinTheSameNodes() {
        for (String level : List.of("touchpoint", "channel")) {
            Response response = get("/api/graph?" + ALL_EDGES + "&level=" + level);
            if (level.equals("channel") && response.status() != 200) {
                continue; // touchpoints without channels: a problem naming level
            }
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            JsonNode graph = response.json();
            Set<String> ends = new HashSet<>();
            boolean parallel = false;
            for (JsonNode link : graph.get("links")) {
                parallel |= !ends.add(link.get("source").asString() + "->" + link.get("target").asString());
            }
            assertThat(graph.get("directed").asBoolean()).as(level).isTrue();
            assertThat(graph.get("multigraph").isBoolean()).as(level).isTrue();
            assertThat(graph.get("multigraph").asBoolean()).as(level).isEqualTo(parallel);
            assertThat(graph.propertyNames().iterator().next()).isEqualTo("directed");
        }
    }

    @Test
    void sankeyIsAcyclicAndConservesJourneys() {
        JsonNode sankey = get("/api/graph?format=sankey&steps=4&topPerStep=5").json();
        long journeys = sankey.get("journeys").asLong();
        Map<String, Integer> steps = new HashMap<>();
        Map<String, Long> values = new HashMap<>();
        long firstStep = 0;
        for (JsonNode node : sankey.get("nodes")) {
            steps.put(node.get("id").asString(), node.get("step").asInt());
            values.put(node.get("id").asString(), node.get("value").asLong());
            if (node.get("step").asInt() == 0) {
                firstStep += node.get("value").asLong();
            }
            assertThat(node.get("step").asInt()).isLessThan(4);
        }
        assertThat(firstStep).isEqualTo(journeys);
        Map<String, Long> out = new HashMap<>();
        Map<String, Long> in = new HashMap<>();
        for (JsonNode link : sankey.get("links")) {
            String source = link.get("source").asString();
            String target = link.get("target").asString();
            assertThat(steps).containsKeys(source, target);
            int to = steps.get(target);
            assertThat(to == -1 || to == steps.get(source) + 1).as(source + " -> " + target).isTrue();
            out.merge(source, link.get("value").asLong(), Long::sum);
            in.merge(target, link.get("value").asLong(), Long::sum);
        }
        steps.forEach((id, step) -> {
            if (step >= 0) {
                assertThat(out.get(id)).as("out of " + id).isEqualTo(values.get(id));
            } else {
                assertThat(in.get(id)).as("into " + id).isEqualTo(values.get(id));
            }
            if (step > 0) {
                assertThat(in.get(id)).as("into " + id).isEqualTo(values.get(id));
            }
        });
    }

    static Parsed parse(String format, String body) {
        try {
            return switch (format) {
                case "node-link" -> nodeLink(JSON.readTree(body));
                case "cytoscape" -> cytoscape(JSON.readTree(body));
                case "graphml" -> graphMl(xml(body));
                case "gexf" -> gexf(xml(body));
                case "dot" -> dot(body);
                case "csv" -> csv(body);
                default -> throw new IllegalArgumentException(format);
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> fields(JsonNode object) {
        Map<String, String> fields = new HashMap<>();
        object.properties().forEach(entry -> fields.put(entry.getKey(), entry.getValue().asString()));
        return fields;
    }

    private static Parsed nodeLink(JsonNode graph) {
        Map<String, Map<String, String>> nodes = new HashMap<>();
        graph.get("nodes").forEach(node -> nodes.put(node.get("id").asString(), fields(node)));
        Map<String, Map<String, String>> edges = new HashMap<>();
        graph.get("links").forEach(link -> edges.put(edgeKey(link.get("source").asString(),
                link.get("target").asString(), fields(link)), fields(link)));
        return new Parsed(nodes, edges);
    }

    private static Parsed cytoscape(JsonNode document) {
        Map<String, Map<String, String>> nodes = new HashMap<>();
        document.get("elements").get("nodes").forEach(node -> nodes.put(node.get("data").get("id").asString(),
                fields(node.get("data"))));
        Map<String, Map<String, String>> edges = new HashMap<>();
        document.get("elements").get("edges").forEach(edge -> {
            JsonNode data = edge.get("data");
            assertThat(data.get("id").asString()).isEqualTo(edgeKey(data.get("source").asString(),
                    data.get("target").asString(), fields(data)));
            edges.put(data.get("id").asString(), fields(data));
        });
        return new Parsed(nodes, edges);
    }

    private static Document xml(String body) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(body)));
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
            throw new IllegalStateException("not well-formed XML", e);
        }
    }

    private static Parsed graphMl(Document document) {
        Map<String, String> keys = new HashMap<>();
        NodeList keyElements = document.getElementsByTagName("key");
        for (int i = 0; i < keyElements.getLength(); i++) {
            Element key = (Element) keyElements.item(i);
            keys.put(key.getAttribute("id"), key.getAttribute("attr.name"));
        }
        return new Parsed(xmlElements(document, "node", GraphExportChecks::fromNameToken,
                element -> graphMlData(element, keys)),
                xmlEdges(document, "edge", GraphExportChecks::fromNameToken, element -> graphMlData(element, keys)));
    }

    /** An id as GraphML writes it, decoded: {@code _xHHHH_} is the character of code point HHHH. */
    static String fromNameToken(String token) {
        StringBuilder id = new StringBuilder();
        int i = 0;
        while (i < token.length()) {
            int end = token.startsWith("_x", i) ? token.indexOf('_', i + 2) : -1;
            if (end > i + 2 && token.substring(i + 2, end).matches("[0-9A-F]+")) {
                id.appendCodePoint(Integer.parseInt(token, i + 2, end, 16));
                i = end + 1;
            } else {
                id.append(token.charAt(i++));
            }
        }
        return id.toString();
    }

    private static Map<String, String> graphMlData(Element element, Map<String, String> keys) {
        Map<String, String> data = new HashMap<>();
        NodeList values = element.getElementsByTagName("data");
        for (int i = 0; i < values.getLength(); i++) {
            Element value = (Element) values.item(i);
            data.put(keys.get(value.getAttribute("key")), value.getTextContent());
        }
        return data;
    }

    private static Parsed gexf(Document document) {
        Map<String, String> nodeKeys = new HashMap<>();
        Map<String, String> edgeKeys = new HashMap<>();
        NodeList groups = document.getElementsByTagName("attributes");
        for (int g = 0; g < groups.getLength(); g++) {
            Element group = (Element) groups.item(g);
            Map<String, String> target = group.getAttribute("class").equals("node") ? nodeKeys : edgeKeys;
            NodeList attributes = group.getElementsByTagName("attribute");
            for (int i = 0; i < attributes.getLength(); i++) {
                Element attribute = (Element) attributes.item(i);
                target.put(attribute.getAttribute("id"), attribute.getAttribute("title"));
            }
        }
        // GEXF escapes only what XML cannot hold, as GraphML's name tokens escape it, and _x
        Map<String, Map<String, String>> nodes = xmlElements(document, "node", GraphExportChecks::fromNameToken,
                element -> {
                    Map<String, String> values = gexfValues(element, nodeKeys);
                    values.put("label", element.getAttribute("label"));
                    return values;
                });
        return new Parsed(nodes, xmlEdges(document, "edge", GraphExportChecks::fromNameToken,
                element -> gexfValues(element, edgeKeys)));
    }

    private static Map<String, String> gexfValues(Element element, Map<String, String> keys) {
        Map<String, String> values = new HashMap<>();
        NodeList attvalues = element.getElementsByTagName("attvalue");
        for (int i = 0; i < attvalues.getLength(); i++) {
            Element value = (Element) attvalues.item(i);
            values.put(keys.get(value.getAttribute("for")), value.getAttribute("value"));
        }
        return values;
    }

    /** Elements by id, each id passed through {@code ids} (GraphML's decoding). */
    private static Map<String, Map<String, String>> xmlElements(Document document, String tag,
            UnaryOperator<String> ids, java.util.function.Function<Element, Map<String, String>> values) {
        Map<String, Map<String, String>> result = new HashMap<>();
        NodeList elements = document.getElementsByTagName(tag);
        for (int i = 0; i < elements.getLength(); i++) {
            Element element = (Element) elements.item(i);
            result.put(ids.apply(element.getAttribute("id")), values.apply(element));
        }
        return result;
    }

    private static Map<String, Map<String, String>> xmlEdges(Document document, String tag,
            UnaryOperator<String> ids, java.util.function.Function<Element, Map<String, String>> values) {
        Map<String, Map<String, String>> result = new HashMap<>();
        NodeList elements = document.getElementsByTagName(tag);
        for (int i = 0; i < elements.getLength(); i++) {
            Element element = (Element) elements.item(i);
            Map<String, String> attributes = values.apply(element);
            String key = edgeKey(ids.apply(element.getAttribute("source")), ids.apply(element.getAttribute("target")),
                    attributes);
            assertThat(ids.apply(element.getAttribute("id"))).isEqualTo(key);
            result.put(key, attributes);
        }
        return result;
    }

    /** A round trip through jgrapht-io's DOT importer. */
    private static Parsed dot(String body) {
        Graph<String, DefaultEdge> graph = new DirectedPseudograph<>(DefaultEdge.class);
        Map<String, Map<String, String>> nodes = new HashMap<>();
        Map<DefaultEdge, Map<String, String>> edgeAttributes = new HashMap<>();
        DOTImporter<String, DefaultEdge> importer = new DOTImporter<>();
        importer.setVertexFactory(id -> id);
        importer.addVertexAttributeConsumer((vertex, attribute) -> nodes.computeIfAbsent(vertex.getFirst(),
                key -> new HashMap<>()).put(vertex.getSecond(), attribute.getValue()));
        importer.addEdgeAttributeConsumer((edge, attribute) -> edgeAttributes.computeIfAbsent(edge.getFirst(),
                key -> new HashMap<>()).put(edge.getSecond(), attribute.getValue()));
        importer.importGraph(graph, new StringReader(body));
        Map<String, Map<String, String>> edges = new HashMap<>();
        for (DefaultEdge edge : graph.edgeSet()) {
            edges.put(edgeKey(graph.getEdgeSource(edge), graph.getEdgeTarget(edge), edgeAttributes.get(edge)),
                    edgeAttributes.get(edge));
        }
        graph.vertexSet().forEach(vertex -> assertThat(nodes).containsKey(vertex));
        return new Parsed(nodes, edges);
    }

    private static Parsed csv(String body) throws IOException {
        Map<String, Map<String, String>> nodes = new HashMap<>();
        Map<String, Map<String, String>> edges = new HashMap<>();
        for (CSVRecord record : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(body))) {
            nodes.put(record.get("source"), Map.of("label", record.get("sourceLabel")));
            nodes.put(record.get("target"), Map.of("label", record.get("targetLabel")));
            edges.put(edgeKey(record.get("source"), record.get("target"), record.toMap()), record.toMap());
        }
        return new Parsed(nodes, edges);
    }
}
