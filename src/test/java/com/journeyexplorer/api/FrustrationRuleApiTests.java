package com.journeyexplorer.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.journeyexplorer.ApiTestSupport;

import tools.jackson.databind.JsonNode;

/**
 * The {@code frustration} rule of {@code POST /api/events}: a clickstream whose rage clicks are events of their own
 * name ({@code $rageclick}) gets them counted as frustration signals of the page they fired on.
 */
class FrustrationRuleApiTests extends ApiTestSupport {

    /**
     * u1 rage-clicks twice on the product page; u2's first event is a rage click (no page before it); u3's comes an
     * hour after the cart, after the inactivity gap, so it starts a session of its own.
     */
    private static final String CLICKS = """
            customer_id,timestamp,touchpoint
            u1,2026-02-01T10:00:00Z,/home
            u1,2026-02-01T10:01:00Z,/product/1
            u1,2026-02-01T10:01:05Z,$rageclick
            u1,2026-02-01T10:01:06Z,$rageclick
            u1,2026-02-01T10:02:00Z,/cart
            u1,2026-02-01T10:03:00Z,/thanks
            u2,2026-02-01T11:00:00Z,$rageclick
            u2,2026-02-01T11:01:00Z,/home
            u3,2026-02-01T12:00:00Z,/cart
            u3,2026-02-01T13:00:00Z,$rageclick
            """;

    private static final String RULES = "/api/events?frustration=%24rageclick&purchase=/thanks&openHorizon=0";

    @Test
    void rageClicksAreFrustrationSignalsOfThePageBeforeThem() {
        Response imported = post(RULES, "text/csv", CLICKS);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        JsonNode frustration = null;
        for (JsonNode rule : imported.json().get("outcomeRules")) {
            if (rule.get("rule").asString().equals("frustration")) {
                frustration = rule;
            }
        }
        assertThat(frustration).as(imported.body()).isNotNull();
        assertThat(frustration.get("matchedEvents").asLong()).isEqualTo(4);

        JsonNode u1 = get("/api/journeys?id=u1@2026-02-01T10:00:00Z").json();
        assertThat(u1.toString()).doesNotContain("$rageclick");
        List<String> steps = new ArrayList<>();
        u1.get("steps").forEach(event -> steps.add(event.get("touchpoint").asString() + ":"
                + event.get("type").asString()));
        assertThat(steps).containsExactly("/home:touchpoint", "/product/1:touchpoint", "/product/1:frustration",
                "/product/1:frustration", "/cart:touchpoint", "/thanks:purchase");

        JsonNode product = label(get("/api/experience?by=touchpoint").json(), "/product/1");
        assertThat(product.get("visits").asLong()).isEqualTo(1);
        assertThat(product.get("frustrationEvents").asLong()).isEqualTo(2);
        JsonNode alone = label(get("/api/experience?by=touchpoint").json(), "$rageclick");
        assertThat(alone.get("frustrationEvents").asLong()).as("no page before them: they keep their own name")
                .isEqualTo(2);

        Response again = post(RULES, "text/csv", CLICKS);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("eventsImported").asLong()).as("the moved signals are recognised").isZero();
        assertThat(again.json().get("duplicateEvents").asLong()).isEqualTo(10);
    }

    /**
     * Every dead click follows a page within the gap, so all move: the rule's name is no touchpoint of the data, in
     * the store, the touchpoint list or the journey map, and the page after it in the file takes the next id.
     */
    @Test
    void aRuleNameWhoseEventsAllMovedIsNoTouchpoint() {
        Response imported = post("/api/events?frustration=%24dead_click&openHorizon=0", "text/csv", """
                customer_id,timestamp,touchpoint
                d1,2026-03-01T10:00:00Z,/landing
                d1,2026-03-01T10:00:05Z,$dead_click
                d1,2026-03-01T10:01:00Z,/pricing
                d2,2026-03-01T11:00:00Z,/pricing
                d2,2026-03-01T11:00:09Z,$dead_click
                """);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);

        JsonNode touchpoints = get("/api/touchpoints").json();
        List<String> names = new ArrayList<>();
        touchpoints.forEach(touchpoint -> names.add(touchpoint.get("name").asString()));
        assertThat(names).contains("/landing", "/pricing").doesNotContain("$dead_click");
        for (JsonNode touchpoint : touchpoints) {
            assertThat(touchpoint.get("journeys").asLong()).as(touchpoint.toString()).isPositive();
            assertThat(touchpoint.get("id").asInt()).as("ids are list positions").isEqualTo(names.indexOf(
                    touchpoint.get("name").asString()));
        }
        try (var session = driver.session()) {
            assertThat(session.run("MATCH (t:Touchpoint {name: '$dead_click'}) RETURN count(t) AS n").single()
                    .get("n").asLong()).isZero();
        }
        assertThat(get("/api/graph").body()).doesNotContain("$dead_click");
        assertThat(get("/api/stats").json().get("touchpoints").asInt()).isEqualTo(names.size());

        List<String> steps = new ArrayList<>();
        get("/api/journeys?id=d1@2026-03-01T10:00:00Z").json().get("steps").forEach(event -> steps.add(
                event.get("touchpoint").asString() + ":" + event.get("type").asString()));
        assertThat(steps).containsExactly("/landing:touchpoint", "/landing:frustration", "/pricing:touchpoint");
        JsonNode pricing = label(get("/api/experience?by=touchpoint").json(), "/pricing");
        assertThat(pricing.get("frustrationEvents").asLong()).isEqualTo(1);
    }

    @Test
    void thePreviewShowsTheRulesEventsAsFrustration() {
        Response preview = post("/api/events/preview?frustration=%24rageclick", "text/csv", CLICKS);
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        JsonNode rows = preview.json().get("rows");
        assertThat(rows.get(2).get("touchpoint").asString()).isEqualTo("$rageclick");
        assertThat(rows.get(2).get("type").asString()).isEqualTo("frustration");
        assertThat(rows.get(1).get("type").asString()).isEqualTo("touchpoint");
    }

    /**
     * The rage click that gave the answer moved to the product page before it: the answer is about that page, not
     * about the rule's name, which is no touchpoint here (all its events moved).
     */
    @Test
    void anAnswerGivenOnAMovedSignalIsAboutThePageItMovedTo() {
        String clicks = """
                customer_id,timestamp,touchpoint,stage,score
                ar1,2026-04-01T10:00:00Z,/answered/home,browse,
                ar1,2026-04-01T10:01:00Z,/answered/product,consider,
                ar1,2026-04-01T10:01:05Z,$answer_rage,,1
                """;
        String query = "/api/events?frustration=%24answer_rage&scale=csat&openHorizon=0";
        Response imported = post(query, "text/csv", clicks);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().get("answersStored").asLong()).isEqualTo(1);

        JsonNode byTouchpoint = get("/api/experience?by=touchpoint").json();
        assertThat(byTouchpoint.toString()).doesNotContain("$answer_rage");
        JsonNode product = label(byTouchpoint, "/answered/product");
        assertThat(product.get("experience").get("responses").asLong()).isEqualTo(1);
        assertThat(product.get("frustrationEvents").asLong()).isEqualTo(1);
        assertThat(label(get("/api/experience?by=stage").json(), "consider").get("experience").get("responses")
                .asLong()).as("the page's stage").isEqualTo(1);

        Response again = post(query, "text/csv", clicks);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("duplicateAnswers").asLong()).as("the same answer, not a second").isEqualTo(1);
    }

    private static JsonNode label(JsonNode experience, String name) {
        for (JsonNode label : experience.get("labels")) {
            if (label.get("label").asString().equals(name)) {
                return label;
            }
        }
        throw new AssertionError(name + " not in " + experience);
    }
}
