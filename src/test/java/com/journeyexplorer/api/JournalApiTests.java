package com.journeyexplorer.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.journeyexplorer.ApiTestSupport;

import tools.jackson.databind.JsonNode;

/**
 * Changing stored data on purpose, over HTTP on the embedded Neo4j: touchpoint metadata with {@code PUT
 * /api/touchpoints} (and imports that no longer change it), undoing an import, erasing a customer, and the journal
 * that lists them. Each test uses its own journey ids, customers and touchpoints.
 */
class JournalApiTests extends ApiTestSupport {

    private static final String CSV = "text/csv";

    private Response delete(String path, String apiKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).DELETE();
        return send(apiKey == null ? request.build() : request.header("X-API-Key", apiKey).build());
    }

    private Response put(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("X-API-Key", API_KEY)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private List<String> steps(String journeyId) {
        List<String> names = new ArrayList<>();
        get("/api/journeys/" + journeyId).json().get("steps").forEach(s -> names.add(s.get("touchpoint").asString()));
        return names;
    }

    private JsonNode touchpoint(String name) {
        for (JsonNode touchpoint : get("/api/touchpoints").json()) {
            if (touchpoint.get("name").asString().equals(name)) {
                return touchpoint;
            }
        }
        throw new AssertionError("no touchpoint " + name);
    }

    private long transitionCount(String from, String to) {
        try (var session = driver.session()) {
            var rows = session.run("MATCH (:Touchpoint {name: $from})-[r:TRANSITION]->(:Touchpoint {name: $to}) "
                    + "RETURN r.count AS n", Map.of("from", from, "to", to)).list();
            return rows.isEmpty() ? 0 : rows.get(0).get("n").asLong();
        }
    }

    private long count(String cypher, Map<String, Object> parameters) {
        try (var session = driver.session()) {
            return session.run(cypher, parameters).single().get(0).asLong();
        }
    }

    @Test
    void putSetsTouchpointMetadataAndALaterImportDoesNotChangeIt() {
        importCsv("?openHorizon=0", """
                journey_id,timestamp,touchpoint,channel,stage
                meta-1,2026-03-01T10:00:00Z,Meta newsletter,email,awareness
                meta-1,2026-03-01T10:05:00Z,Meta shop,,
                """);

        Response response = put("/api/touchpoints/Meta shop", """
                {"channel": "website", "stage": "consideration"}""");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("stage").asString()).isEqualTo("consideration");
        assertThat(touchpoint("Meta shop").get("channel").asString()).isEqualTo("website");
        try (var session = driver.session()) {
            assertThat(session.run("MATCH (t:Touchpoint {name: 'Meta shop'}) RETURN t.stage AS s").single().get("s")
                    .asString()).isEqualTo("consideration");
        }

        // A small later file says otherwise: the stored metadata stays, and the report says so.
        JsonNode report = importCsv("?openHorizon=0", """
                journey_id,timestamp,touchpoint,channel,stage,owner
                meta-2,2026-03-02T10:00:00Z,Meta newsletter,social,awareness,
                meta-2,2026-03-02T10:05:00Z,Meta shop,website,purchase,competitor
                """);

        assertThat(touchpoint("Meta shop").get("stage").asString()).isEqualTo("consideration");
        assertThat(touchpoint("Meta shop").get("owner").asString()).isEqualTo("own");
        assertThat(touchpoint("Meta newsletter").get("channel").asString()).isEqualTo("email");
        assertThat(get("/api/journeys/meta-2").json().get("outcome").asString()).isEqualTo("ABANDONED");
        List<JsonNode> metadata = new ArrayList<>();
        report.get("warnings").forEach(w -> {
            if (w.get("kind").asString().equals("touchpoint-metadata")) {
                metadata.add(w);
            }
        });
        assertThat(metadata).hasSize(1);
        assertThat(metadata.get(0).get("count").asLong()).isEqualTo(3);
        assertThat(metadata.get(0).get("message").asString())
                .contains("'Meta shop': stage 'purchase' in the upload differs from the stored 'consideration'")
                .contains("'Meta newsletter': channel 'social'")
                .contains("'Meta shop': owner 'competitor'");
    }

    @Test
    void aNewTouchpointWithTwoStagesInOneUploadKeepsTheFirstAndSaysSo() {
        JsonNode report = importCsv("?openHorizon=0", """
                journey_id,timestamp,touchpoint,channel,stage
                twice-1,2026-03-01T10:00:00Z,Twice page,web,awareness
                twice-2,2026-03-01T11:00:00Z,Twice page,email,purchase
                """);

        assertThat(touchpoint("Twice page").get("stage").asString()).isEqualTo("awareness");
        assertThat(touchpoint("Twice page").get("channel").asString()).isEqualTo("web");
        JsonNode warning = null;
        for (JsonNode w : report.get("warnings")) {
            if (w.get("kind").asString().equals("touchpoint-metadata")) {
                warning = w;
            }
        }
        assertThat(warning).as(report.toString()).isNotNull();
        assertThat(warning.get("count").asLong()).isEqualTo(2);
        assertThat(warning.get("message").asString())
                .contains("'Twice page': channel 'email' differs from 'web' on an earlier row of the upload")
                .contains("'Twice page': stage 'purchase' differs from 'awareness'");
    }

    @Test
    void anImportFillsMetadataThatWasUnset() {
        importCsv("?openHorizon=0", """
                journey_id,timestamp,touchpoint
                fill-1,2026-03-01T10:00:00Z,Fill page
                """);

        JsonNode report = importCsv("?openHorizon=0", """
                journey_id,timestamp,touchpoint,channel,stage
                fill-2,2026-03-01T11:00:00Z,Fill page,website,consideration
                """);

        assertThat(report.get("warnings")).isEmpty();
        assertThat(touchpoint("Fill page").get("stage").asString()).isEqualTo("consideration");
    }

    @Test
    void putTakesTheNameAsAQueryParameterAndAChangeOfOwnerRecomputesOutcomes() {
        importCsv("?openHorizon=0", """
                journey_id,timestamp,touchpoint
                owner-1,2026-03-01T10:00:00Z,Owner home
                owner-1,2026-03-01T10:05:00Z,/rival+store/apparel
                """);
        assertThat(get("/api/journeys/owner-1").json().get("outcome").asString()).isEqualTo("ABANDONED");

        Response response = put("/api/touchpoints?name=%2Frival%2Bstore%2Fapparel", """
                {"owner": "competitor"}""");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("journeysChanged").asLong()).isEqualTo(1);
        assertThat(get("/api/journeys/owner-1").json().get("outcome").asString()).isEqualTo("DIVERTED");
        assertThat(transitionCount("/rival+store/apparel", "(diverted)")).isEqualTo(1);
        assertThat(transitionCount("/rival+store/apparel", "(abandoned)")).isZero();
    }

    @Test
    void putAnswersProblemsForUnknownTouchpointsBadOwnersAndMissingKeys() {
        Response unknown = put("/api/touchpoints/No such page", "{\"stage\": \"awareness\"}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.json().get("touchpoint").asString()).isEqualTo("No such page");

        importCsv("?openHorizon=0", """
                journey_id,timestamp,touchpoint
                bad-owner-1,2026-03-01T10:00:00Z,Owner check
                """);
        Response badOwner = put("/api/touchpoints/Owner check", "{\"owner\": \"partner\"}");
        assertThat(badOwner.status()).isEqualTo(400);
        assertThat(badOwner.json().get("parameter").asString()).isEqualTo("owner");

        Response noKey = send(HttpRequest.newBuilder(uri("/api/touchpoints/Owner check"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"stage\": \"awareness\"}")).build());
        assertThat(noKey.status()).isEqualTo(401);
        assertThat(touchpoint("Owner check").hasNonNull("stage")).isFalse();
    }

    @Test
    void deletingAnImportPutsBackTheEventsItAddedToStoredJourneys() {
        importCsv("?openHorizon=0", """
                journey_id,timestamp,touchpoint
                undo-1,2026-03-01T10:00:00Z,Undo home
                undo-1,2026-03-01T10:05:00Z,Undo cart
                """);
        String stats = get("/api/stats").body();
        JsonNode second = importCsv("?openHorizon=0", """
                journey_id,timestamp,touchpoint,type
                undo-1,2026-03-01T10:09:00Z,Undo checkout,purchase
                undo-2,2026-03-01T11:00:00Z,Undo home,
                """);
        assertThat(steps("undo-1")).containsExactly("Undo home", "Undo cart", "Undo checkout");
        assertThat(transitionCount("Undo cart", "Undo checkout")).isEqualTo(1);

        Response undo = delete("/api/imports/" + second.get("importId").asString(), API_KEY);

        assertThat(undo.status()).as(undo.body()).isEqualTo(200);
        assertThat(undo.json().get("journeysRestored").asLong()).isEqualTo(1);
        assertThat(undo.json().get("journeysRemoved").asLong()).isEqualTo(1);
        assertThat(steps("undo-1")).containsExactly("Undo home", "Undo cart");
        assertThat(get("/api/journeys/undo-1").json().get("outcome").asString()).isEqualTo("ABANDONED");
        assertThat(get("/api/journeys/undo-2").status()).isEqualTo(404);
        assertThat(get("/api/stats").body()).isEqualTo(stats);
        assertThat(transitionCount("Undo cart", "Undo checkout")).isZero();
        assertThat(transitionCount("Undo cart", "(abandoned)")).isEqualTo(1);
        JsonNode undone = listedImport(second.get("importId").asString());
        assertThat(undone.get("status").asString()).isEqualTo("undone");
        assertThat(undone.get("undoneBy").asString()).isEqualTo(undo.json().get("importId").asString());
        JsonNode undoEntry = listedImport(undo.json().get("importId").asString());
        assertThat(undoEntry.get("journeys").asLong()).as("put back").isEqualTo(1);
        assertThat(undoEntry.get("journeysRemoved").asLong()).isEqualTo(1);
        assertThat(undoEntry.get("eventsRemoved").asLong()).as("undo-2's event, and the one taken from undo-1")
                .isEqualTo(2);

        Response again = delete("/api/imports/" + second.get("importId").asString(), API_KEY);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asString()).as("names the undo")
                .contains(undo.json().get("importId").asString());
    }

    @Test
    void anUndoCountsAsRemovedTheEventsOfTheJourneysItPutsBackAnEarlierVersionOf() {
        importCsv("?openHorizon=0", """
                journey_id,timestamp,touchpoint
                removed-j,2026-03-01T10:00:00Z,Removed home
                removed-j,2026-03-01T10:05:00Z,Removed cart
                """);
        JsonNode extension = importCsv("?openHorizon=0", """
                journey_id,timestamp,touchpoint
                removed-j,2026-03-01T10:10:00Z,Removed checkout
                removed-j,2026-03-01T10:15:00Z,Removed payment
                removed-j,2026-03-01T10:20:00Z,Removed confirmation
                removed-k,2026-03-01T11:00:00Z,Removed home
                removed-k,2026-03-01T11:05:00Z,Removed cart
                """);
        assertThat(steps("removed-j")).hasSize(5);
        long eventsBefore = get("/api/stats").json().get("events").asLong();

        Response undo = delete("/api/imports/" + extension.get("importId").asString(), API_KEY);

        assertThat(undo.status()).as(undo.body()).isEqualTo(200);
        assertThat(steps("removed-j")).hasSize(2);
        assertThat(get("/api/journeys/removed-k").status()).isEqualTo(404);
        // 3 events of the journey put back as it was, and the 2 of the journey deleted.
        assertThat(undo.json().get("totalEvents").asLong()).isEqualTo(eventsBefore - 5);
        assertThat(undo.json().get("eventsRemoved").asLong()).isEqualTo(5);
        JsonNode undoEntry = listedImport(undo.json().get("importId").asString());
        assertThat(undoEntry.get("journeysRemoved").asLong()).isEqualTo(1);
        assertThat(undoEntry.get("eventsRemoved").asLong()).isEqualTo(5);
    }

    @Test
    void anImportThatLaterImportsBuiltOnIsUndoneOnlyAfterThem() {
        JsonNode first = importCsv("?openHorizon=0", """
                journey_id,timestamp,touchpoint
                stack-1,2026-03-01T10:00:00Z,Stack home
                """);
        JsonNode second = importCsv("?openHorizon=0", """
                journey_id,timestamp,touchpoint
                stack-1,2026-03-01T10:05:00Z,Stack cart
                """);
        String firstId = first.get("importId").asString();
        String secondId = second.get("importId").asString();
        String state = storeState();

        Response refused = delete("/api/imports/" + firstId, API_KEY);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("laterImports").get(0).asString()).isEqualTo(secondId);
        assertThat(storeState()).isEqualTo(state);

        assertThat(delete("/api/imports/" + secondId, API_KEY).status()).isEqualTo(200);
        assertThat(steps("stack-1")).containsExactly("Stack home");
        Response undoFirst = delete("/api/imports/" + firstId, API_KEY);
        assertThat(undoFirst.status()).as(undoFirst.body()).isEqualTo(200);
        assertThat(get("/api/journeys/stack-1").status()).isEqualTo(404);
    }

    @Test
    void deletingAnUnknownImportIsA404AndNeedsTheKey() {
        Response unknown = delete("/api/imports/no-such-import", API_KEY);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("import").asString()).isEqualTo("no-such-import");

        JsonNode imported = importCsv("?openHorizon=0", """
                journey_id,timestamp,touchpoint
                keyed-1,2026-03-01T10:00:00Z,Keyed home
                """);
        Response noKey = delete("/api/imports/" + imported.get("importId").asString(), null);
        assertThat(noKey.status()).isEqualTo(401);
        assertThat(get("/api/journeys/keyed-1").status()).isEqualTo(200);
    }

    @Test
    void erasingACustomerRemovesTheirJourneysAndEveryCopyInTheJournal() {
        importCsv("?openHorizon=0", """
                journey_id,timestamp,touchpoint,customer_id
                erase-1,2026-03-01T10:00:00Z,Erase home,cust-erase
                erase-2,2026-03-02T10:00:00Z,Erase home,cust-erase
                erase-3,2026-03-02T10:00:00Z,Erase home,cust-keep
                """);
        importCsv("?openHorizon=0", """
                journey_id,timestamp,touchpoint,customer_id
                erase-1,2026-03-01T10:05:00Z,Erase cart,cust-erase
                """);
        assertThat(count("MATCH (p:PreviousVersion {customerId: $c}) RETURN count(p)", Map.of("c", "cust-erase")))
                .as("the journal keeps the version the second import replaced").isEqualTo(1);
        long journeys = get("/api/stats").json().get("journeys").asLong();

        Response erased = delete("/api/customers/cust-erase", API_KEY);

        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        assertThat(erased.json().get("journeysErased").asLong()).isEqualTo(2);
        assertThat(erased.json().get("eventsErased").asLong()).isEqualTo(3);
        assertThat(erased.json().get("copiesErased").asLong()).isEqualTo(1);
        assertThat(get("/api/journeys/erase-1").status()).isEqualTo(404);
        assertThat(get("/api/journeys/erase-2").status()).isEqualTo(404);
        assertThat(get("/api/journeys/erase-3").status()).isEqualTo(200);
        assertThat(get("/api/stats").json().get("journeys").asLong()).isEqualTo(journeys - 2);
        assertThat(transitionCount("Erase home", "Erase cart")).isZero();
        assertThat(transitionCount("Erase home", "(abandoned)")).isEqualTo(1);
        assertThat(count("MATCH (n) WHERE n.customerId = $c RETURN count(n)", Map.of("c", "cust-erase"))).isZero();
        JsonNode erasure = listedImport(erased.json().get("importId").asString());
        assertThat(erasure.get("kind").asString()).isEqualTo("erasure");
        assertThat(erasure.get("journeysRemoved").asLong()).isEqualTo(2);
        assertThat(erasure.get("eventsRemoved").asLong()).isEqualTo(3);

        assertThat(delete("/api/customers/cust-erase", API_KEY).status()).isEqualTo(404);
        assertThat(delete("/api/customers/cust-keep", null).status()).isEqualTo(401);
    }

    @Test
    void erasingACustomerWhoseOnlyDataAreCopiesUnderAnUndoDeletesThem() {
        JsonNode imported = importCsv("?openHorizon=0", """
                journey_id,customer_id,timestamp,touchpoint
                undone-1,cust-undone,2026-03-01T10:00:00Z,Undone home
                """);
        Response undo = delete("/api/imports/" + imported.get("importId").asString(), API_KEY);
        assertThat(undo.status()).as(undo.body()).isEqualTo(200);
        assertThat(count("MATCH (p:PreviousVersion {customerId: $c}) RETURN count(p)", Map.of("c", "cust-undone")))
                .as("the undo keeps the version it removed").isEqualTo(1);

        Response erased = delete("/api/customers/cust-undone", API_KEY);

        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        assertThat(erased.json().get("journeysErased").asLong()).isZero();
        assertThat(erased.json().get("copiesErased").asLong()).isEqualTo(1);
        assertThat(count("MATCH (p:PreviousVersion {customerId: $c}) RETURN count(p)", Map.of("c", "cust-undone")))
                .isZero();
        assertThat(delete("/api/customers/cust-undone", API_KEY).status()).isEqualTo(404);
        assertThat(delete("/api/customers/cust-never-stored", API_KEY).status()).isEqualTo(404);
    }

    @Test
    void erasingACustomerWithStoredJourneysAlsoDeletesTheCopiesUnderAnUndo() {
        importCsv("?openHorizon=0", """
                journey_id,customer_id,timestamp,touchpoint
                both-1,cust-both,2026-03-01T10:00:00Z,Both home
                """);
        JsonNode undone = importCsv("?openHorizon=0", """
                journey_id,customer_id,timestamp,touchpoint
                both-2,cust-both,2026-03-02T10:00:00Z,Both home
                """);
        assertThat(delete("/api/imports/" + undone.get("importId").asString(), API_KEY).status()).isEqualTo(200);

        Response erased = delete("/api/customers/cust-both", API_KEY);

        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        assertThat(erased.json().get("journeysErased").asLong()).isEqualTo(1);
        assertThat(erased.json().get("copiesErased").asLong()).isEqualTo(1);
        assertThat(count("MATCH (p:PreviousVersion) WHERE p.id STARTS WITH 'both-' RETURN count(p)", Map.of()))
                .isZero();
    }

    @Test
    void erasingACustomerDeletesTheCopiesOfTheirJourneysFromBeforeTheyHadACustomerId() {
        importCsv("?openHorizon=0", """
                journey_id,timestamp,touchpoint
                later-1,2026-03-01T10:00:00Z,Later home
                """);
        JsonNode named = importCsv("?openHorizon=0", """
                journey_id,customer_id,timestamp,touchpoint
                later-1,cust-later,2026-03-01T10:05:00Z,Later cart
                """);
        assertThat(get("/api/journeys/later-1").json().get("customerId").asString()).isEqualTo("cust-later");

        Response erased = delete("/api/customers/cust-later", API_KEY);

        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        assertThat(erased.json().get("copiesErased").asLong()).isEqualTo(1);
        assertThat(count("MATCH (p:PreviousVersion {id: 'later-1'}) RETURN count(p)", Map.of())).isZero();
        Response undo = delete("/api/imports/" + named.get("importId").asString(), API_KEY);
        assertThat(undo.status()).as(undo.body()).isEqualTo(200);
        assertThat(get("/api/journeys/later-1").status()).as("the undo puts back no erased event").isEqualTo(404);
    }

    @Test
    void erasingACustomerLeavesNoIdOfTheirJourneysInTheJournal() {
        String customer = "pii-jane.doe@example.com";
        JsonNode first = importCsv("?openHorizon=0", """
                customer_id,timestamp,touchpoint
                %1$s,2026-03-01T10:00:00Z,Pii home
                %1$s,2026-03-01T10:40:00Z,Pii home
                pii-other,2026-03-01T10:00:00Z,Pii home
                """.formatted(customer));
        // Bridges the two sessions: the later one is removed, and the undo puts it back where none was.
        JsonNode bridge = importCsv("?openHorizon=0", """
                customer_id,timestamp,touchpoint
                %s,2026-03-01T10:20:00Z,Pii cart
                """.formatted(customer));
        assertThat(delete("/api/imports/" + bridge.get("importId").asString(), API_KEY).status()).isEqualTo(200);
        assertThat(count("MATCH (i:Import) WHERE any(x IN i.created WHERE x STARTS WITH 'pii-jane') RETURN count(i)",
                Map.of())).as("the undo lists the session it put back").isEqualTo(1);

        Response erased = send(HttpRequest.newBuilder(uri("/api/customers?id=pii-jane.doe%40example.com")).DELETE()
                .header("X-API-Key", API_KEY).build());

        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        assertThat(erased.json().get("journeysErased").asLong()).isEqualTo(2);
        assertThat(storedValuesNaming("jane.doe")).isEmpty();
        assertThat(count("MATCH (:Import)-[:CHANGED]->(c:JourneyChange) WHERE any(x IN c.ids WHERE x STARTS WITH "
                + "'pii-other@') RETURN count(c)", Map.of())).as("other customers' ids stay").isEqualTo(1);
        Response undoFirst = delete("/api/imports/" + first.get("importId").asString(), API_KEY);
        assertThat(undoFirst.status()).as(undoFirst.body()).isEqualTo(200);
        assertThat(undoFirst.json().get("journeysRemoved").asLong()).isEqualTo(1);
        assertThat(count("MATCH (j:Journey {customerId: 'pii-other'}) RETURN count(j)", Map.of())).isZero();
    }

    /** Every property of a node or relationship (list elements too) that contains {@code text}. */
    private List<String> storedValuesNaming(String text) {
        List<String> found = new ArrayList<>();
        try (var session = driver.session()) {
            session.run("""
                    CALL () { MATCH (n) RETURN labels(n) AS what, properties(n) AS properties
                              UNION ALL
                              MATCH ()-[r]->() RETURN [type(r)] AS what, properties(r) AS properties }
                    RETURN what, properties""").forEachRemaining(row -> {
                        String properties = row.get("properties").asMap().toString();
                        if (properties.contains(text)) {
                            found.add(row.get("what").asList() + " " + properties);
                        }
                    });
        }
        return found;
    }

    @Test
    void anErasureReadsTheCustomerIdWithoutSurroundingSpacesAsAnImportDoes() {
        importCsv("?openHorizon=0", """
                journey_id,customer_id,timestamp,touchpoint
                space-1, sp ace ,2026-03-01T10:00:00Z,Space home
                space-2,sp ace,2026-03-02T10:00:00Z,Space home
                space-3,,2026-03-02T10:00:00Z,Space home
                """);

        Response erased = send(HttpRequest.newBuilder(uri("/api/customers?id=%20sp%20ace%20")).DELETE()
                .header("X-API-Key", API_KEY).build());

        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        assertThat(erased.json().get("journeysErased").asLong()).isEqualTo(2);
        Response blank = delete("/api/customers/%20", API_KEY);
        assertThat(blank.status()).as("not the journeys without a customer id: " + blank.body()).isEqualTo(400);
        assertThat(blank.json().get("parameter").asString()).isEqualTo("id");
        assertThat(delete("/api/customers?id=%20", API_KEY).status()).isEqualTo(400);
        assertThat(get("/api/journeys/space-3").status()).isEqualTo(200);
    }

    @Test
    void listsImportsNewestFirstWithABoundedLimit() {
        importCsv("?openHorizon=0", """
                journey_id,timestamp,touchpoint
                list-1,2026-03-01T10:00:00Z,List home
                """);

        JsonNode entries = get("/api/imports?limit=1").json();

        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).get("kind").asString()).isEqualTo("import");
        assertThat(entries.get(0).get("status").asString()).isEqualTo("done");
        assertThat(entries.get(0).get("journeys").asLong()).isEqualTo(1);
        assertThat(get("/api/imports?limit=0").status()).isEqualTo(400);
    }

    @Test
    void aLimitThatIsNoPlainWholeNumberIsA400NamingTheParameterAndItsRange() {
        for (String bad : List.of("0x10", "%2310", "2147483648", "1.5", "ten")) {
            Response refused = get("/api/imports?limit=" + bad);
            assertThat(refused.status()).as(bad + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("type").asString()).endsWith("/problems/invalid-parameter");
            assertThat(refused.json().get("parameter").asString()).isEqualTo("limit");
            assertThat(refused.json().get("detail").asString()).contains("between 1 and 1000");
        }
        JsonNode limit = null;
        for (JsonNode parameter : get("/v3/api-docs").json().get("paths").get("/api/imports").get("get")
                .get("parameters")) {
            limit = parameter.get("name").asString().equals("limit") ? parameter : limit;
        }
        assertThat(limit).isNotNull();
        assertThat(limit.get("schema").get("minimum").asInt()).isEqualTo(1);
        assertThat(limit.get("schema").get("maximum").asInt()).isEqualTo(1000);
        assertThat(limit.get("schema").get("default").asInt()).isEqualTo(100);
    }

    @Test
    void aSynchronousImportIsToldWithoutTheFiguresOnlyAJobKeeps() {
        JsonNode imported = importCsv("?openHorizon=0", """
                journey_id,timestamp,touchpoint
                told-1,2026-03-01T10:00:00Z,Told home
                """);

        JsonNode told = get("/api/imports/" + imported.get("importId").asString()).json();

        assertThat(told.get("status").asString()).isEqualTo("done");
        assertThat(told.get("journeysWritten").asLong()).isEqualTo(1);
        assertThat(told.get("entry").get("kind").asString()).isEqualTo("import");
        assertThat(told.has("rowsRead")).as("unknown, not 0: " + told).isFalse();
        assertThat(told.has("bytesRead")).isFalse();
        assertThat(told.has("bytesTotal")).isFalse();
    }
}
