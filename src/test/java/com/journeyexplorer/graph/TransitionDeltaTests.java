package com.journeyexplorer.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.journeyexplorer.ApiTestSupport;
import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.analysis.TransitionTable;
import com.journeyexplorer.demo.Clickstream;
import com.journeyexplorer.demo.DemoCsvWriter;
import com.journeyexplorer.demo.DemoStore;
import com.journeyexplorer.demo.JourneyGenerator;

/**
 * The aggregated TRANSITION graph, written as a delta after each change, equals a rebuild from every journey
 * ({@link TransitionTable}) property by property: after a first import, after small imports that add journeys and
 * extend stored ones (replacements, with open journeys closing as the latest event moves), after undoing imports, and
 * after erasing customers; on the demo store and on a clickstream.
 */
class TransitionDeltaTests extends ApiTestSupport {

    @Autowired
    private JourneyProjection projection;

    @Test
    void deltaUpdatedTransitionsEqualARebuildOnTheDemoStore() throws IOException {
        replay("demo", new DemoStore(11));
    }

    @Test
    void deltaUpdatedTransitionsEqualARebuildOnAClickstream() throws IOException {
        replay("click", new Clickstream(12, 150));
    }

    private void replay(String prefix, JourneyGenerator generator) throws IOException {
        Path csv = Files.createTempFile("delta", ".csv");
        DemoCsvWriter.write(generator, 520, csv);
        List<String> lines = Files.readAllLines(csv);
        Files.deleteIfExists(csv);
        String header = lines.get(0);
        // Journeys in file order, each its rows; ids made unique to this test so that the two shapes do not meet.
        Map<String, List<String>> journeys = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String id = line.substring(0, line.indexOf(','));
            journeys.computeIfAbsent(id, unused -> new ArrayList<>()).add(prefix + "-" + line);
        }
        List<List<String>> all = new ArrayList<>(journeys.values());

        // A first import of 400 journeys, with the default open horizon: recent journeys are open.
        assertThat(post(header, rows(all.subList(0, 400), 0, 1)).status()).isEqualTo(200);
        assertStoredTransitionsEqualARebuild("first import");

        // Small imports: ten new journeys each, with the first half of their events; the next import brings the
        // second half (a replacement of those journeys) along with ten new ones.
        List<String> importIds = new ArrayList<>();
        for (int from = 400; from <= 510; from += 10) {
            List<String> body = new ArrayList<>();
            if (from < 510) {
                body.addAll(rows(all.subList(from, from + 10), 0, 2));
            }
            body.addAll(rows(all.subList(from - 10, from), 1, 2));
            Response response = post(header, body);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            importIds.add(response.json().get("importId").asString());
            assertStoredTransitionsEqualARebuild("small import " + importIds.size());
        }

        // Undo, newest first, the last three imports.
        for (int i = importIds.size() - 1; i >= importIds.size() - 3; i--) {
            Response undo = deleteRequest("/api/imports/" + importIds.get(i));
            assertThat(undo.status()).as(undo.body()).isEqualTo(200);
            assertStoredTransitionsEqualARebuild("undo " + (importIds.size() - i));
        }

        // Erase two customers of the first import.
        JourneySnapshot snapshot = projection.current();
        List<String> customers = new ArrayList<>();
        for (var journey : snapshot.journeys()) {
            if (journey.id().startsWith(prefix + "-") && journey.customerId() != null
                    && !customers.contains(journey.customerId()) && customers.size() < 2) {
                customers.add(journey.customerId());
            }
        }
        for (String customer : customers) {
            Response erased = deleteRequest("/api/customers/" + customer);
            assertThat(erased.status()).as(erased.body()).isEqualTo(200);
            assertStoredTransitionsEqualARebuild("erasure of " + customer);
        }
    }

    /** The rows of each journey's {@code part}-th of {@code parts} (by row index), at least one row for part 0. */
    private static List<String> rows(List<List<String>> journeys, int part, int parts) {
        List<String> rows = new ArrayList<>();
        for (List<String> journey : journeys) {
            int cut = Math.max(1, journey.size() / parts);
            rows.addAll(part == 0 ? journey.subList(0, cut) : journey.subList(cut, journey.size()));
        }
        return rows;
    }

    private Response post(String header, List<String> rows) {
        return post("/api/events", "text/csv", header + "\n" + String.join("\n", rows) + "\n", API_KEY);
    }

    private Response deleteRequest(String path) {
        return send(java.net.http.HttpRequest.newBuilder(uri(path)).header("X-API-Key", API_KEY).DELETE().build());
    }

    private void assertStoredTransitionsEqualARebuild(String after) {
        Map<String, Map<String, Object>> expected = StoredTransitions.expected(projection.current());
        Map<String, Map<String, Object>> stored = StoredTransitions.read(driver);
        assertThat(stored.keySet()).as("edges after " + after).isEqualTo(expected.keySet());
        for (String edge : expected.keySet()) {
            assertThat(stored.get(edge)).as(edge + " after " + after).isEqualTo(expected.get(edge));
        }
    }
}
