package com.journeyexplorer.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.journeyexplorer.ApiTestSupport;

import tools.jackson.databind.JsonNode;

/**
 * {@code DELETE /api/customers/{id}} and the touchpoints only the customer's events brought: those at the end of the
 * list go with the journeys, unless something else still refers to them (a user's metadata, another customer's answer,
 * a copy in the journal); ids stay stable, so one before others keeps its place under a name that tells nothing. Each
 * test brings its own touchpoints, which come at the end of the list.
 */
class ErasedTouchpointsApiTests extends ApiTestSupport {

    @Test
    void erasureDeletesTheTouchpointsAtTheEndOfTheListThatOnlyTheCustomerVisited() throws Exception {
        importCsv("?openHorizon=0", """
                journey_id,customer_id,timestamp,touchpoint,stage
                shared-1,keeps,2026-03-01T10:00:00Z,Shared home,awareness
                gone-1,leaves,2026-03-01T10:00:00Z,Shared home,awareness
                gone-1,leaves,2026-03-01T10:05:00Z,Leaver's own page,consideration
                gone-1,leaves,2026-03-01T10:06:00Z,Leaver's own cart,purchase
                """);
        Map<String, Long> indexesBefore = indexes();

        Response erased = delete("/api/customers/leaves");

        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        assertThat(erased.json().get("touchpointsErased").asLong()).isEqualTo(2);
        assertThat(names()).contains("Shared home").doesNotContain("Leaver's own page", "Leaver's own cart");
        assertThat(count("MATCH (n) WHERE n.name STARTS WITH 'Leaver' RETURN count(n)")).as("nor a copy").isZero();
        Map<String, Long> expected = new java.util.HashMap<>(indexesBefore);
        expected.remove("Leaver's own page");
        expected.remove("Leaver's own cart");
        assertThat(indexes()).as("the others keep their ids").isEqualTo(expected);
        assertThat(consistencyCheck()).isEmpty();

        importCsv("?openHorizon=0", """
                journey_id,customer_id,timestamp,touchpoint
                next-1,keeps,2026-03-02T10:00:00Z,Next page
                """);
        assertThat(indexes().get("Next page")).as("the next touchpoint takes the first free id")
                .isEqualTo(indexes().size() - 1L);
        assertThat(get("/api/journeys/next-1").status()).isEqualTo(200);
    }

    @Test
    void erasureKeepsTouchpointsThatAnotherCustomerAnsweredAboutOrAUserDescribed() {
        importCsv("?openHorizon=0", """
                journey_id,customer_id,timestamp,touchpoint
                other-1,stays,2026-04-01T10:00:00Z,Other home
                told-1,tells,2026-04-01T10:00:00Z,Other home
                told-1,tells,2026-04-01T10:05:00Z,Answered page
                """);
        Response answers = post("/api/feedback", "text/csv", """
                response_id,customer_id,timestamp,touchpoint,score,scale
                about-answered,someone else,2026-04-02T10:00:00Z,Answered page,4,csat
                """);
        assertThat(answers.status()).as(answers.body()).isEqualTo(200);

        Response answered = delete("/api/customers/tells");

        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        assertThat(answered.json().get("touchpointsErased").asLong()).as("another customer's answer").isZero();

        importCsv("?openHorizon=0", """
                journey_id,customer_id,timestamp,touchpoint
                told-2,describes,2026-04-03T10:00:00Z,Other home
                told-2,describes,2026-04-03T10:05:00Z,Described page
                """);
        Response described = send(HttpRequest.newBuilder(uri("/api/touchpoints/Described%20page"))
                .header("X-API-Key", API_KEY).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"stage\": \"consideration\"}")).build());
        assertThat(described.status()).as(described.body()).isEqualTo(200);

        Response erased = delete("/api/customers/describes");

        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        assertThat(erased.json().get("touchpointsErased").asLong()).as("metadata a user set").isZero();
        assertThat(names()).contains("Answered page", "Described page");
        assertThat(consistencyCheck()).isEmpty();
    }

    @Test
    void erasureRenamesATouchpointOnlyTheCustomerVisitedThatOthersFollowAndKeepsItsPlace() {
        importCsv("?openHorizon=0", """
                journey_id,customer_id,timestamp,touchpoint,channel,stage
                middle-1,private,2026-06-01T10:00:00Z,Middle home,web,awareness
                middle-1,private,2026-06-01T10:05:00Z,Private profile page,web,consideration
                middle-2,public,2026-06-01T11:00:00Z,Middle home,web,awareness
                """);
        importCsv("?openHorizon=0", """
                journey_id,customer_id,timestamp,touchpoint
                after-1,public,2026-06-02T10:00:00Z,Middle home
                after-1,public,2026-06-02T10:05:00Z,Page after it
                """);
        Map<String, Long> indexesBefore = indexes();
        long privateIndex = indexesBefore.get("Private profile page");

        Response erased = delete("/api/customers/private");

        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        assertThat(erased.json().get("touchpointsErased").asLong()).isEqualTo(1);
        String placeholder = "(erased " + privateIndex + ")";
        assertThat(names()).contains(placeholder, "Middle home", "Page after it")
                .doesNotContain("Private profile page");
        assertThat(count("MATCH (n) WHERE any(key IN keys(n) WHERE toStringOrNull(n[key]) STARTS WITH 'Private prof' "
                + "OR (n[key] IS :: LIST<STRING NOT NULL> AND any(s IN n[key] WHERE s STARTS WITH 'Private prof'))) "
                + "RETURN count(n)")).as("no trace of the name").isZero();
        Map<String, Long> expected = new java.util.HashMap<>(indexesBefore);
        expected.remove("Private profile page");
        expected.put(placeholder, privateIndex);
        assertThat(indexes()).as("every touchpoint keeps its id").isEqualTo(expected);
        assertThat(count("MATCH (t:Touchpoint {name: '" + placeholder + "'}) WHERE t.channel IS NULL "
                + "AND t.stage IS NULL AND NOT (t)-[:TRANSITION]-() RETURN count(t)")).as("nor its metadata").isOne();
        assertThat(consistencyCheck()).isEmpty();
        assertThat(get("/api/journeys/after-1").status()).isEqualTo(200);
        assertThat(get("/api/paths/top?attr.source=none").status()).isEqualTo(200);
    }

    @Test
    void erasureKeepsATouchpointThatAJournalCopyVisitsAndRenamesOneBeforeOthers() {
        importCsv("?openHorizon=0", """
                journey_id,customer_id,timestamp,touchpoint
                early-1,early,2026-05-01T10:00:00Z,Early only
                """);
        importCsv("?openHorizon=0", """
                journey_id,customer_id,timestamp,touchpoint
                late-1,late,2026-05-01T10:00:00Z,Late only
                """);
        // Another customer's journey visiting the last touchpoint, undone: its undo keeps a copy of it.
        JsonNode other = importCsv("?openHorizon=0", """
                journey_id,customer_id,timestamp,touchpoint
                undone-1,undone,2026-05-02T10:00:00Z,Late only
                """);
        assertThat(delete("/api/imports/" + other.get("importId").asString()).status()).isEqualTo(200);

        Response late = delete("/api/customers/late");
        Response early = delete("/api/customers/early");

        assertThat(late.status()).as(late.body()).isEqualTo(200);
        assertThat(late.json().get("touchpointsErased").asLong()).as("a copy in the journal visits it").isZero();
        assertThat(early.status()).as(early.body()).isEqualTo(200);
        assertThat(early.json().get("touchpointsErased").asLong()).as("renamed in its place").isOne();
        assertThat(names()).contains("Late only").doesNotContain("Early only");
        assertThat(consistencyCheck()).isEmpty();
    }

    private List<String> names() {
        List<String> names = new ArrayList<>();
        get("/api/touchpoints").json().forEach(touchpoint -> names.add(touchpoint.get("name").asString()));
        return names;
    }

    /** Every stored touchpoint's projection index, by name. */
    private Map<String, Long> indexes() {
        try (var session = driver.session()) {
            Map<String, Long> indexes = new java.util.HashMap<>();
            session.run("MATCH (t:Touchpoint {kind: 'touchpoint'}) RETURN t.name AS name, t.index AS index")
                    .forEachRemaining(row -> indexes.put(row.get("name").asString(), row.get("index").asLong()));
            return indexes;
        }
    }

    private long count(String cypher) {
        try (var session = driver.session()) {
            return session.run(cypher).single().get(0).asLong();
        }
    }

    /** The rows of {@code cypher/consistency-check.cypher}: none when the TRANSITION graph matches the steps. */
    private List<String> consistencyCheck() {
        try (var session = driver.session()) {
            String check = Files.readString(Path.of("cypher", "consistency-check.cypher"));
            String query = check.replaceAll("(?m)^\\s*//.*$", "").strip();
            return session.run(query.substring(0, query.lastIndexOf(';'))).list(row -> row.asMap().toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
