package com.journeyexplorer.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.journeyexplorer.ApiTestSupport;
import com.journeyexplorer.demo.Clickstream;
import com.journeyexplorer.demo.DemoCsvWriter;

import tools.jackson.databind.JsonNode;

/**
 * The minimum cut of {@code /api/diversions} on a clickstream, whose cut has hundreds of transitions: {@code limit}
 * bounds the transitions listed, and the cut's totals stay those of the whole cut.
 */
class DiversionsCutApiTests extends ApiTestSupport {

    @Test
    void listsTheBusiestTransitionsOfTheCutUpToTheLimitWithTheTotalsOfTheWholeCut() throws IOException {
        Path file = Files.createTempFile(Path.of("target"), "clickstream-", ".csv");
        try {
            DemoCsvWriter.write(new Clickstream(42, Clickstream.DEFAULT_TOUCHPOINTS), 5_000, file);
            Response imported = postFile("/api/events", "text/csv", file);
            assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        } finally {
            Files.deleteIfExists(file);
        }

        JsonNode whole = get("/api/diversions?limit=" + DiversionsController.MAX_LIMIT).json().get("minimumCut");
        List<String> all = edges(whole);
        long journeys = 0;
        for (JsonNode edge : whole.get("edges")) {
            journeys += edge.get("journeys").asLong();
        }
        assertThat(all).hasSizeGreaterThan(20).hasSize(whole.get("edgesTotal").asInt());
        assertThat(whole.get("journeys").asLong()).isEqualTo(journeys);

        JsonNode two = get("/api/diversions?limit=2").json();
        assertThat(two.get("diversions")).hasSize(2);
        JsonNode cut = two.get("minimumCut");
        assertThat(edges(cut)).as("the busiest two").isEqualTo(all.subList(0, 2));
        assertThat(cut.get("edgesTotal").asInt()).isEqualTo(all.size());
        assertThat(cut.get("journeys").asLong()).isEqualTo(journeys);

        // cutMinJourneys lists beyond the limit every transition of the cut with at least that many journeys.
        long third = whole.get("edges").get(2).get("journeys").asLong();
        long quietest = whole.get("edges").get(all.size() - 1).get("journeys").asLong();
        assertThat(third).isGreaterThan(quietest);
        List<String> busy = new ArrayList<>();
        for (int edge = 0; edge < all.size(); edge++) {
            if (whole.get("edges").get(edge).get("journeys").asLong() >= third) {
                busy.add(all.get(edge));
            }
        }
        JsonNode asMapped = get("/api/diversions?limit=2&cutMinJourneys=" + third).json();
        assertThat(asMapped.get("diversions")).hasSize(2);
        assertThat(edges(asMapped.get("minimumCut"))).hasSizeGreaterThan(2).isEqualTo(busy);
        assertThat(edges(get("/api/diversions?limit=2&cutMinJourneys=1").json().get("minimumCut"))).isEqualTo(all);
        assertThat(get("/api/diversions?cutMinJourneys=0").status()).isEqualTo(400);

        // Each row says whether the whole cut has its transition, listed among the busiest or not.
        JsonNode rows = get("/api/diversions?limit=" + DiversionsController.MAX_LIMIT).json().get("diversions");
        List<String> marked = new ArrayList<>();
        List<String> inWholeCut = new ArrayList<>();
        rows.forEach(row -> {
            String edge = row.get("touchpoint").asString() + " -> " + row.get("competitor").asString() + " "
                    + row.get("journeys").asLong();
            if (row.get("inCut").asBoolean()) {
                marked.add(edge);
            }
            if (all.contains(edge)) {
                inWholeCut.add(edge);
            }
        });
        assertThat(marked).isNotEmpty().isEqualTo(inWholeCut);
    }

    private static List<String> edges(JsonNode cut) {
        List<String> edges = new ArrayList<>();
        cut.get("edges").forEach(edge -> edges.add(edge.get("from").asString() + " -> " + edge.get("to").asString()
                + " " + edge.get("journeys").asLong()));
        return edges;
    }
}
