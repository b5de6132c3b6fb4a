package com.journeyexplorer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import com.journeyexplorer.ApiTestSupport;

import tools.jackson.databind.JsonNode;

/**
 * Web-analytics exports over HTTP, against the embedded Neo4j: one row per event, its name in one column
 * ({@code eventColumn}) and the page in another. {@code events} keeps the page views as steps and passes over the rest,
 * {@code purchaseEvent} finds a purchase whatever its page and {@code frustrationEvent} makes rage clicks frustration
 * steps at their own page. The files are hand-written in the shape of a GA4 BigQuery export and a PostHog export
 * ({@code /web-exports}); each test gives their users ids of its own.
 */
@TestPropertySource(properties = "journeys.open-horizon=0s")
class EventNameImportTests extends ApiTestSupport {

    private static final String CSV = "text/csv";
    private static final String GA4 = "?journeyColumn=user_pseudo_id,ga_session_id&orderColumn=batch_event_index"
            + "&timestampColumn=event_timestamp&touchpointColumn=page_location&urls=path"
            + "&valueColumn=purchase_revenue&eventColumn=event_name";
    private static final String POSTHOG = "?customerColumn=distinct_id&eventIdColumn=uuid"
            + "&touchpointColumn=%24current_url&urls=host-path&eventColumn=event";

    @Test
    void ga4KeepsOneStepPerPageViewAndFindsThePurchaseByItsNameOnAPageThePageRuleMisses() {
        String csv = ga4("a");

        JsonNode report = importCsv(GA4 + "&events=page_view,purchase&purchaseEvent=purchase"
                + "&purchase=/checkout/thanks", csv);

        assertThat(report.get("rowsRead").asLong()).as(report.toString()).isEqualTo(19);
        assertThat(report.get("eventsImported").asLong()).isEqualTo(7);
        assertThat(report.get("rowsRejected").asLong()).isZero();
        assertThat(report.get("rowsSkippedByEventName").asLong()).isEqualTo(12);
        assertThat(report.get("skippedEventNames").get(0).get("name").asString()).isEqualTo("user_engagement");
        assertThat(report.get("skippedEventNames").get(0).get("rows").asLong()).isEqualTo(5);
        assertThat(names(report.get("skippedEventNames"))).containsExactly("user_engagement", "scroll",
                "session_start", "add_to_cart", "begin_checkout", "view_item");
        JsonNode purchaseEvent = rule(report, "purchaseEvent");
        assertThat(purchaseEvent.get("matchedEvents").asLong()).isEqualTo(1);
        assertThat(rule(report, "purchase").get("matchedEvents").asLong())
                .as("no row is at the thank-you page: the page rule alone finds no purchase").isZero();

        JsonNode bought = journey("a111.1701000000|1701000000");
        assertThat(touchpoints(bought)).containsExactly("/", "/product/42", "/cart", "/checkout", "/checkout");
        assertThat(types(bought)).containsExactly("touchpoint", "touchpoint", "touchpoint", "touchpoint",
                "purchase");
        assertThat(bought.get("outcome").asString()).isEqualTo("PURCHASE");
        assertThat(bought.get("value").asDouble()).isEqualTo(59.90);
        assertThat(bought.get("steps").get(4).get("attributes").get("event_name").asString())
                .as("the event's name stays an event attribute").isEqualTo("purchase");
        JsonNode browsed = journey("a222.1701000100|1701000100");
        assertThat(touchpoints(browsed)).containsExactly("/blog/mugs", "/product/42");
        assertThat(browsed.get("outcome").asString()).isEqualTo("ABANDONED");

        JsonNode again = importCsv(GA4 + "&events=page_view,purchase&purchaseEvent=purchase", csv);
        assertThat(again.get("eventsImported").asLong()).as(again.toString()).isZero();
        assertThat(again.get("duplicateEvents").asLong()).isEqualTo(7);
        assertThat(again.get("journeysUpdated").asLong()).isZero();
        assertThat(touchpoints(journey("a111.1701000000|1701000000"))).hasSize(5);
    }

    /**
     * GA4 sends a purchase again when the thank-you page is reloaded, with the same transaction id: as the event's id
     * ({@code eventIdColumn=transaction_id}, which the preview suggests) it counts once, its revenue too, while the
     * rows without an id are told apart by their content as always.
     */
    @Test
    void aGa4PurchaseSentTwiceCountsOnceByItsTransactionId() {
        String csv = """
                event_timestamp,event_name,user_pseudo_id,ga_session_id,batch_event_index,page_location,\
                transaction_id,purchase_revenue
                1701000000000000,page_view,t1,1701000000,0,https://shop.example/cart,,
                1701000060000000,page_view,t1,1701000000,0,https://shop.example/checkout/thanks,,
                1701000060000000,purchase,t1,1701000000,1,https://shop.example/checkout/thanks,T-1001,59.90
                1701000090000000,page_view,t1,1701000000,0,https://shop.example/checkout/thanks,,
                1701000090000000,purchase,t1,1701000000,1,https://shop.example/checkout/thanks,T-1001,59.90
                """;
        String query = "?journeyColumn=user_pseudo_id,ga_session_id&orderColumn=batch_event_index"
                + "&timestampColumn=event_timestamp&touchpointColumn=page_location&urls=path"
                + "&valueColumn=purchase_revenue&eventColumn=event_name&events=page_view,purchase"
                + "&purchaseEvent=purchase&eventIdColumn=transaction_id";

        JsonNode report = importCsv(query, csv);

        assertThat(report.get("eventsImported").asLong()).as(report.toString()).isEqualTo(4);
        assertThat(report.get("duplicateEvents").asLong()).isEqualTo(1);
        JsonNode bought = journey("t1|1701000000");
        assertThat(types(bought)).containsExactly("touchpoint", "touchpoint", "purchase", "touchpoint");
        assertThat(bought.get("value").asDouble()).as("the revenue once").isEqualTo(59.90);
    }

    /**
     * With {@code eventColumn}, an event's id names the event of that name: a GA4 refund carries its purchase's
     * transaction id and stays an event of its own, while the purchase sent again on a reload counts once, and the
     * file imported again adds nothing.
     */
    @Test
    void aGa4RefundWithThePurchasesTransactionIdIsAnEventOfItsOwn() {
        List<String> lines = new ArrayList<>(ga4("r").lines().toList());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            lines.set(i, line + (i == 0 ? ",transaction_id" : line.contains(",purchase,") ? ",T-1001" : ","));
        }
        String purchase = lines.stream().filter(line -> line.contains(",purchase,")).findFirst().orElseThrow();
        lines.add(purchase.replace("1701000140000000", "1701000150000000").replace(",0,", ",1,"));
        lines.add(purchase.replace("1701000140000000", "1701000160000000").replace(",purchase,", ",refund,")
                .replace("59.90", "-59.90"));
        String csv = String.join("\n", lines) + "\n";
        String query = GA4 + "&purchaseEvent=purchase&eventIdColumn=transaction_id";

        JsonNode report = importCsv(query, csv);

        assertThat(report.get("rowsRead").asLong()).as(report.toString()).isEqualTo(21);
        assertThat(report.get("duplicateEvents").asLong()).as("the purchase sent again").isEqualTo(1);
        assertThat(report.get("eventsImported").asLong()).isEqualTo(20);
        JsonNode bought = journey("r111.1701000000|1701000000");
        assertThat(types(bought)).containsOnlyOnce("purchase");
        assertThat(bought.get("steps").get(bought.get("steps").size() - 1).get("attributes").get("event_name")
                .asString()).as("the refund is a step of its own").isEqualTo("refund");
        assertThat(bought.get("value").asDouble()).as("the revenue once").isEqualTo(59.90);

        JsonNode again = importCsv(query, csv);
        assertThat(again.get("eventsImported").asLong()).as(again.toString()).isZero();
        assertThat(again.get("duplicateEvents").asLong()).isEqualTo(21);
        assertThat(again.get("journeysUpdated").asLong()).isZero();
    }

    /**
     * With {@code onError=skip}, a purchase row refused (its value too large to add up, or a bad time) is no purchase
     * the rule by name matched: the report counts the rows kept as such events only.
     */
    @Test
    void aPurchaseRowRefusedWithOnErrorSkipIsNotCountedAsMatchedByPurchaseEvent() {
        JsonNode report = importCsv("?eventColumn=event&purchaseEvent=purchase&onError=skip", """
                journey_id,timestamp,touchpoint,event,value
                refused-1,2026-03-01T10:00:00Z,Pay,purchase,1e308
                refused-1,2026-03-01T10:01:00Z,Pay again,purchase,1e308
                refused-1,2026-03-01T10:02:00Z,Pay late,purchase,abc
                refused-1,yesterday,Pay later,purchase,5
                """);

        assertThat(report.get("rowsRejected").asLong()).as(report.toString()).isEqualTo(3);
        assertThat(report.get("eventsImported").asLong()).isEqualTo(1);
        JsonNode purchaseEvent = rule(report, "purchaseEvent");
        assertThat(purchaseEvent.get("matchedEvents").asLong()).isEqualTo(1);
        assertThat(purchaseEvent.get("names").get(0).get("matchedEvents").asLong()).isEqualTo(1);
    }

    @Test
    void withoutEventsEveryRowIsAStepAndAListedNameThatMatchedNothingIsAWarning() {
        JsonNode every = importCsv(GA4 + "&purchaseEvent=purchase", ga4("b"));

        assertThat(every.get("eventsImported").asLong()).as(every.toString()).isEqualTo(19);
        assertThat(every.has("rowsSkippedByEventName")).as("no events, nothing skipped").isFalse();
        assertThat(touchpoints(journey("b111.1701000000|1701000000"))).hasSize(13);
        assertThat(journey("b111.1701000000|1701000000").get("outcome").asString()).isEqualTo("PURCHASE");

        JsonNode misspelt = importCsv(GA4 + "&events=page_view,pageview&purchaseEvent=Purchase", ga4("c"));

        assertThat(misspelt.get("eventsImported").asLong()).as(misspelt.toString()).isEqualTo(6);
        assertThat(misspelt.get("warnings").valueStream().map(warning -> warning.get("message").asString())
                .toList()).contains("events 'pageview' matched no event of this upload; did you mean 'page_view'?",
                        "purchaseEvent 'Purchase' matched no event of this upload; did you mean 'purchase'?");
    }

    @Test
    void postHogKeepsPageViewsAndMakesRageClicksFrustrationStepsAtTheirOwnPage() {
        String csv = resource("posthog-events.csv").replace(",u1,", ",d-u1,").replace(",u2,", ",d-u2,");
        String query = POSTHOG + "&events=%24pageview&frustrationEvent=%24rageclick";

        JsonNode report = importCsv(query, csv);

        assertThat(report.get("rowsRead").asLong()).as(report.toString()).isEqualTo(10);
        assertThat(report.get("eventsImported").asLong()).isEqualTo(5);
        assertThat(report.get("rowsSkippedByEventName").asLong()).isEqualTo(5);
        assertThat(names(report.get("skippedEventNames"))).containsExactly("$pageleave", "$autocapture");
        assertThat(rule(report, "frustrationEvent").get("matchedEvents").asLong()).isEqualTo(2);
        JsonNode u1 = journey("d-u1@2026-03-02T10:00:00Z");
        assertThat(touchpoints(u1)).containsExactly("shop.example/pricing", "shop.example/pricing",
                "shop.example/pricing", "shop.example/signup");
        assertThat(types(u1)).containsExactly("touchpoint", "frustration", "frustration", "touchpoint");
        assertThat(touchpoints(journey("d-u2@2026-03-02T11:00:00Z"))).containsExactly("shop.example/");

        JsonNode again = importCsv(query, csv);
        assertThat(again.get("eventsImported").asLong()).as(again.toString()).isZero();
        assertThat(again.get("duplicateEvents").asLong()).isEqualTo(5);
        assertThat(again.get("journeysUpdated").asLong()).isZero();
    }

    @Test
    void aPurchaseByAnyRuleOrTheTypeColumnWinsThenAnAbandonThenAFrustrationSignal() {
        JsonNode report = importCsv("?eventColumn=event&purchaseEvent=purchase&abandonEvent=cancel"
                + "&frustrationEvent=error,cancel", """
                journey_id,timestamp,touchpoint,event,type
                rank-1,2026-03-01T10:00:00Z,Home,page_view,
                rank-1,2026-03-01T10:00:01Z,Home,error,
                rank-1,2026-03-01T10:00:02Z,Cart,cancel,
                rank-1,2026-03-01T10:00:03Z,Cart,error,abandon
                rank-1,2026-03-01T10:00:04Z,Pay,purchase,frustration
                rank-1,2026-03-01T10:00:05Z,Pay,page_view,purchase
                """);

        assertThat(report.get("eventsImported").asLong()).as(report.toString()).isEqualTo(6);
        assertThat(types(journey("rank-1"))).containsExactly("touchpoint", "frustration", "abandon", "abandon",
                "purchase", "purchase");
    }

    @Test
    void rulesByEventNameWithoutItsColumnOrAColumnTheHeaderLacksAreA400NamingTheParameter() {
        String before = storeState();
        String csv = ga4("e");

        Response events = post("/api/events" + GA4.replace("&eventColumn=event_name", "") + "&events=page_view",
                CSV, csv);
        Response frustration = post("/api/events" + POSTHOG.replace("&eventColumn=event", "")
                + "&frustrationEvent=%24rageclick", CSV, resource("posthog-events.csv"));
        Response misnamed = post("/api/events" + GA4.replace("event_name", "event") + "&events=page_view", CSV, csv);
        Response ndjson = post("/api/events?eventColumn=event_name&events=page_view", "application/x-ndjson", """
                {"journey_id":"e-1","timestamp":"2026-03-01T10:00:00Z","touchpoint":"/home","event":"page_view"}
                """);

        for (Response response : List.of(events, frustration, misnamed, ndjson)) {
            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        assertThat(events.json().get("parameter").asString()).isEqualTo("events");
        assertThat(events.json().get("detail").asString()).contains("eventColumn");
        assertThat(frustration.json().get("parameter").asString()).isEqualTo("frustrationEvent");
        assertThat(misnamed.json().get("parameter").asString()).isEqualTo("eventColumn");
        assertThat(misnamed.json().get("detail").asString()).contains("eventColumn=event");
        assertThat(ndjson.json().get("parameter").asString()).isEqualTo("eventColumn");
        assertThat(storeState()).isEqualTo(before);
    }

    @Test
    void thePreviewSuggestsGa4sEventColumnAndPurchaseEventAndCountsTheEventNamesSeen() {
        JsonNode preview = post("/api/events/preview" + GA4.replace("&eventColumn=event_name", "") + "&rows=50", CSV,
                ga4("f")).json();

        assertThat(preview.get("mapping").get("event").asString()).as(preview.toString()).isEqualTo("event_name");
        assertThat(preview.get("suggestedBy").get("event").asString()).isEqualTo("ga4");
        assertThat(preview.get("parameters").get("eventColumn").asString()).isEqualTo("event_name");
        assertThat(preview.get("parameters").get("purchaseEvent").asString()).isEqualTo("purchase");
        assertThat(preview.get("attributes").valueStream().map(JsonNode::asString).toList())
                .as("the event's name stays an attribute").contains("event_name");
        assertThat(preview.get("eventNames").valueStream().map(count -> count.get("name").asString() + " "
                + count.get("rows").asLong()).toList()).containsExactly("page_view 6", "user_engagement 5",
                        "scroll 2", "session_start 2", "add_to_cart 1", "begin_checkout 1", "purchase 1",
                        "view_item 1");
        assertThat(preview.get("rows").get(11).get("type").asString()).as("read as the suggested parameters import "
                + "it").isEqualTo("purchase");
    }

    /**
     * {@code eventColumn} given empty is no event column, as the import reads it: the preview suggests none either, not
     * GA4's {@code event_name} with its purchase event, and every row is a step, as the import would keep it.
     */
    @Test
    void thePreviewOfAnEmptyEventColumnSuggestsNoneAndReadsEveryRowAStepAsTheImportDoes() {
        String query = GA4.replace("&eventColumn=event_name", "&eventColumn=");

        JsonNode preview = post("/api/events/preview" + query + "&rows=50", CSV, ga4("g")).json();

        assertThat(preview.get("mapping").has("event")).as(preview.toString()).isFalse();
        assertThat(preview.get("suggestedBy").has("event")).isFalse();
        assertThat(preview.get("parameters").has("eventColumn")).isFalse();
        assertThat(preview.get("parameters").has("purchaseEvent")).isFalse();
        assertThat(preview.has("eventNames")).as("no event column, no names").isFalse();
        assertThat(preview.get("validRows").asLong()).isEqualTo(19);
        assertThat(preview.get("rows").valueStream().map(row -> row.get("type").asString()).distinct().toList())
                .as("every row a step, the purchase row too").containsExactly("touchpoint");

        JsonNode report = importCsv(query, ga4("g"));
        assertThat(report.get("eventsImported").asLong()).as(report.toString()).isEqualTo(19);
        assertThat(types(journey("g111.1701000000|1701000000"))).doesNotContain("purchase");
        Response rule = post("/api/events/preview" + query + "&events=page_view", CSV, ga4("g"));
        assertThat(rule.status()).as(rule.body()).isEqualTo(400);
        assertThat(rule.json().get("parameter").asString()).as("a rule by name needs the column").isEqualTo("events");
    }

    @Test
    void thePreviewSuggestsPostHogsEventColumnAndShowsTheRowsEventsPassesOver() {
        JsonNode suggested = post("/api/events/preview" + POSTHOG.replace("&eventColumn=event", ""), CSV,
                resource("posthog-events.csv")).json();

        assertThat(suggested.get("mapping").get("event").asString()).as(suggested.toString()).isEqualTo("event");
        assertThat(suggested.get("suggestedBy").get("event").asString()).isEqualTo("posthog");
        assertThat(suggested.get("parameters").get("eventColumn").asString()).isEqualTo("event");
        assertThat(suggested.get("parameters").has("purchaseEvent")).isFalse();
        assertThat(suggested.get("eventNames").get(0).get("name").asString()).isEqualTo("$pageleave");
        assertThat(suggested.get("eventNames").get(0).get("rows").asLong()).isEqualTo(3);

        JsonNode kept = post("/api/events/preview" + POSTHOG + "&events=%24pageview", CSV,
                resource("posthog-events.csv")).json();

        assertThat(kept.get("validRows").asLong()).as(kept.toString()).isEqualTo(3);
        assertThat(kept.get("journeys").asLong()).isEqualTo(2);
        assertThat(kept.get("rows").get(1).get("type").asString()).isEqualTo("skipped");
        assertThat(kept.get("rows").get(1).get("line").asLong()).isEqualTo(3);
        assertThat(kept.has("refusal")).as("a row passed over is no error").isFalse();
        assertThat(kept.get("parameters").get("eventColumn").asString()).isEqualTo("event");
    }

    /** The GA4 file, its user ids prefixed with {@code prefix} so that each test has journeys of its own. */
    static String ga4(String prefix) {
        return resource("ga4-events.csv").replace(",111.", "," + prefix + "111.").replace(",222.",
                "," + prefix + "222.");
    }

    static String resource(String name) {
        try (InputStream input = EventNameImportTests.class.getResourceAsStream("/web-exports/" + name)) {
            return new String(input.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode rule(JsonNode report, String name) {
        return report.get("outcomeRules").valueStream().filter(rule -> rule.get("rule").asString().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no rule " + name + " in " + report));
    }

    private static List<String> names(JsonNode counts) {
        return counts.valueStream().map(count -> count.get("name").asString()).toList();
    }

    private JsonNode journey(String id) {
        Response journey = get("/api/journeys/" + URLEncoder.encode(id, StandardCharsets.UTF_8));
        assertThat(journey.status()).as(id + ": " + journey.body()).isEqualTo(200);
        return journey.json();
    }

    private static List<String> touchpoints(JsonNode journey) {
        List<String> names = new ArrayList<>();
        journey.get("steps").forEach(step -> names.add(step.get("touchpoint").asString()));
        return names;
    }

    private static List<String> types(JsonNode journey) {
        List<String> types = new ArrayList<>();
        journey.get("steps").forEach(step -> types.add(step.get("type").asString().toLowerCase()));
        return types;
    }
}
