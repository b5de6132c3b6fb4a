package com.journeyexplorer.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** The graph formats on pm4py's running example (6 cases; "pay compensation" is the purchase). */
class GraphExportRunningExampleTests extends GraphExportChecks {

    private static boolean imported;

    @BeforeEach
    void importRunningExample() {
        if (!imported) {
            Response response = postRunningExample();
            assertThat(response.status()).as(response.body()).isBetween(200, 201);
            imported = true;
        }
    }

    @Test
    void nodeLinkDescribesTheRunningExample() {
        JsonNode graph = get("/api/graph").json();
        assertThat(graph.get("meta").get("journeys").asLong()).isEqualTo(6);
        JsonNode start = graph.get("nodes").get(0);
        assertThat(start.get("id").asString()).isEqualTo("start");
        assertThat(start.get("journeys").asLong()).isEqualTo(6);
        JsonNode register = node(graph, "register request");
        assertThat(register.get("id").asString()).matches("t\\d+");
        assertThat(register.get("kind").asString()).isEqualTo("touchpoint");
        assertThat(register.get("journeys").asLong()).isEqualTo(6);
        // 3 of the 6 cases end with "pay compensation".
        assertThat(register.get("purchaseProbability").asDouble()).isCloseTo(0.5, org.assertj.core.data.Offset
                .offset(1e-9));
        assertThat(node(graph, "(purchase)").get("journeys").asLong()).isEqualTo(3);
        graph.get("links").forEach(link -> assertThat(link.get("diversion").asBoolean()).isFalse());
    }

    @Test
    void groupLabelsGetLabelIdsAndALevelTheDataLacksIsRefused() {
        JsonNode graph = get("/api/graph?group=Examinations:examine.*").json();
        graph.get("nodes").forEach(node -> assertThat(node.get("id").asString())
                .matches("start|purchase|abandoned|diverted|t\\d+|label:.+"));
        assertThat(node(graph, "Examinations").get("id").asString()).isEqualTo("label:Examinations");
        // the running example has no stages: level=stage would silently be the touchpoint graph
        assertThat(get("/api/graph?level=stage").status()).isEqualTo(422);
    }

    @Test
    void anAcceptHeaderThatExcludesTheFormatsMediaTypeIsRefused() {
        Response png = withAccept("/api/graph", "image/png");
        assertThat(png.status()).as(png.body()).isEqualTo(406);
        assertThat(png.contentType()).startsWith("application/problem+json");
        assertThat(png.json().get("detail").asString()).contains("application/json", "format");

        Response csvAsGraphMl = withAccept("/api/graph?format=csv", "application/graphml+xml");
        assertThat(csvAsGraphMl.status()).as(csvAsGraphMl.body()).isEqualTo(406);
        assertThat(csvAsGraphMl.json().get("detail").asString()).contains("text/csv", "format");
    }

    @Test
    void anAcceptHeaderThatAllowsTheFormatsMediaTypeGetsTheFormat() {
        assertThat(withAccept("/api/graph?format=csv", "text/csv").contentType()).startsWith("text/csv");
        assertThat(withAccept("/api/graph?format=csv", "text/*").status()).isEqualTo(200);
        assertThat(withAccept("/api/graph?format=graphml", "application/graphml+xml;q=0.9, text/html")
                .contentType()).startsWith("application/graphml+xml");
        assertThat(withAccept("/api/graph?format=dot", "*/*").contentType()).startsWith("text/vnd.graphviz");
        assertThat(withAccept("/api/graph", "application/json").contentType()).startsWith("application/json");
        assertThat(get("/api/graph?format=gexf").contentType()).startsWith("application/gexf+xml");
        // q=0 refuses a type the wildcard would allow.
        assertThat(withAccept("/api/graph?format=csv", "text/csv;q=0, */*").status()).isEqualTo(406);
    }

    private Response withAccept(String pathAndQuery, String accept) {
        return send(java.net.http.HttpRequest.newBuilder(uri(pathAndQuery)).header("Accept", accept).GET().build());
    }

    private static JsonNode node(JsonNode graph, String label) {
        for (JsonNode node : graph.get("nodes")) {
            if (node.get("label").asString().equals(label)) {
                return node;
            }
        }
        throw new AssertionError("no node " + label);
    }
}
