package com.journeyexplorer.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

/** The graph formats on the demo store, which has competitors, diversions and stages. */
@TestPropertySource(properties = {"journeys.demo.load-on-start=true", "journeys.demo.journeys=3000"})
class GraphExportDemoTests extends GraphExportChecks {

    @Test
    void nodesComeInTheStageOrderThatMetaNames() {
        JsonNode graph = get("/api/graph?" + ALL_EDGES).json();
        List<String> stages = new ArrayList<>();
        graph.get("meta").get("stages").forEach(stage -> stages.add(stage.asString()));
        assertThat(stages).containsExactly("awareness", "consideration", "purchase", "loyalty", "advocacy");

        List<Integer> ranks = new ArrayList<>();
        graph.get("nodes").forEach(node -> {
            if (node.get("kind").asString().equals("touchpoint")) {
                int rank = stages.indexOf(node.get("stage").asString());
                ranks.add(rank < 0 ? stages.size() : rank);
            }
        });
        assertThat(ranks).hasSizeGreaterThan(10).isSorted();
        assertThat(ranks).contains(0, 4);
    }

    @Test
    void competitorsAndDiversionsAreMarked() {
        JsonNode graph = get("/api/graph?" + ALL_EDGES).json();
        Map<String, JsonNode> nodes = new HashMap<>();
        graph.get("nodes").forEach(node -> nodes.put(node.get("id").asString(), node));
        JsonNode competitor = nodes.values().stream()
                .filter(node -> node.get("label").asString().equals("CompetitorA site")).findFirst().orElseThrow();
        assertThat(competitor.get("owner").asString()).isEqualTo("competitor");
        assertThat(competitor.get("stage").asString()).isEqualTo("consideration");
        long diversions = 0;
        for (JsonNode link : graph.get("links")) {
            JsonNode target = nodes.get(link.get("target").asString());
            JsonNode source = nodes.get(link.get("source").asString());
            boolean expected = link.get("target").asString().equals("diverted")
                    || target.get("owner").asString().equals("competitor")
                    && !source.get("owner").asString().equals("competitor");
            assertThat(link.get("diversion").asBoolean()).as(link.toString()).isEqualTo(expected);
            diversions += expected ? 1 : 0;
        }
        assertThat(diversions).isGreaterThan(3);
        graph.get("links").forEach(link -> {
            if (link.get("source").asString().equals("start")) {
                assertThat(link.get("medianSeconds")).as("start links are untimed").isNull();
            }
        });
    }

    @Test
    void filteredAndShapedGraphHoldsTheFilteredTransitions() {
        String query = "device=mobile&level=channel&collapseRepeats=true";
        Map<String, long[]> expected = transitions("&" + query);
        for (String format : java.util.List.of("node-link", "graphml", "dot")) {
            Map<String, Map<String, String>> edges = parse(format,
                    get("/api/graph?format=" + format + "&" + ALL_EDGES + "&" + query).body()).edgesByLabel();
            assertThat(edges.keySet()).as(format).isEqualTo(expected.keySet());
            expected.forEach((key, counts) -> assertThat(Long.parseLong(edges.get(key).get("journeys")))
                    .as(format + " " + key).isEqualTo(counts[0]));
        }
    }

    @Test
    void filtersAndShapingChangeTheGraph() {
        long all = get("/api/graph").json().get("meta").get("journeys").asLong();
        JsonNode mobile = get("/api/graph?device=mobile").json();
        assertThat(mobile.get("meta").get("journeys").asLong()).isBetween(1L, all - 1);
        JsonNode channels = get("/api/graph?level=channel&collapseRepeats=true").json();
        assertThat(channels.get("nodes").toString()).contains("\"id\":\"label:competitor\"");
        assertThat(get("/api/graph?contains=No such page").status()).isEqualTo(404);
    }

    @Test
    void dotEscapesBackslashesQuotesAndLineBreaksInEveryQuotedString() {
        String trailingBackslash = get("/api/graph?format=dot&group=Carts%5C:(Cart%7CApp%20cart)").body();
        assertThat(trailingBackslash).contains("\"label:Carts\\\\\" [ label=\"Carts\\\\\" ");

        String escapes = get("/api/graph?format=dot&group=%22Cart%5CN%5Cl%22:Cart").body();
        assertThat(escapes).contains("label=\"\\\"Cart\\\\N\\\\l\\\"\" ");

        for (String lineBreak : List.of("%0A", "%0D", "%0D%0A")) {
            Response split = get("/api/graph?format=dot&group=A" + lineBreak + "B%09C:Cart");
            assertThat(split.status()).as(lineBreak + ": " + split.body()).isEqualTo(200);
            String id = "\"label:A" + lineBreak.replace("%0A", "\\n").replace("%0D", "\\r") + "B\\tC\"";
            assertThat(split.body()).as(lineBreak).contains(id + " [ label=\"A\\nB C\" ")
                    .doesNotContain("A\nB", "A\rB");
            assertThat(parse("dot", split.body()).nodes()).containsKey(id.substring(1, id.length() - 1));
        }
    }

    @Test
    void graphvizDrawsNamesWithBackslashesQuotesAndLineBreaks() throws Exception {
        String dot = get("/api/graph?format=dot&group=Carts%5C:(Cart%7CApp%20cart)&group=%22Home%5CN%22:Home%20page"
                + "&group=Pro%0D%0Aduct:Product.*").body();
        String svg = Graphviz.svg(dot);
        assertThat(svg).contains(">Carts\\</text>", ">&quot;Home\\N&quot;</text>", ">Pro</text>", ">duct</text>");
    }

    @Test
    void anEmptySelectionLeavesTheStartWithoutOutcomeProbabilities() {
        JsonNode graph = get("/api/graph?segment=nobody").json();
        assertThat(graph.get("meta").get("journeys").asLong()).isZero();
        for (String format : List.of("node-link", "cytoscape", "graphml", "gexf", "dot")) {
            Map<String, String> start = parse(format, get("/api/graph?segment=nobody&format=" + format).body())
                    .nodes().get("start");
            assertThat(start).as(format).containsKey("journeys")
                    .doesNotContainKeys("purchaseProbability", "abandonProbability", "divertProbability");
        }
        JsonNode all = get("/api/graph").json().get("nodes").get(0);
        assertThat(all.get("id").asString()).isEqualTo("start");
        assertThat(all.get("purchaseProbability").asDouble()).isBetween(0.01, 0.99);
    }

    @Test
    void channelLevelHasParallelLinksSoNodeLinkIsAMultigraph() {
        JsonNode channels = get("/api/graph?" + ALL_EDGES + "&level=channel").json();
        assertThat(channels.get("directed").asBoolean()).isTrue();
        assertThat(channels.get("multigraph").asBoolean()).isTrue();
    }
}
