package com.journeyexplorer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import com.journeyexplorer.ApiTestSupport;

import tools.jackson.databind.JsonNode;

/**
 * Web-analytics exports that name pages by their full address ({@code page_location}, {@code $current_url}), imported
 * with {@code urls} and {@code rewrite} over HTTP: the touchpoints, paths, rule matches and counts that come out.
 * Each test uses its own ids and a column of its own (GA4's {@code stream_id}) to select its journeys, as the tests
 * share one database.
 */
@TestPropertySource(properties = "journeys.open-horizon=0s")
class UrlCleaningImportTests extends ApiTestSupport {

    /**
     * Three GA4 sessions (BigQuery export flattened: the {@code ga_session_id} and {@code page_location} event
     * parameters as columns), each address with its own campaign tags, product id or order number. Session 1714000002
     * views two products in the same second.
     */
    private static final String GA4 = """
            event_date,event_timestamp,event_name,user_pseudo_id,ga_session_id,page_location,stream_id
            20260504,1777888800000000,page_view,1197.17,1714000001,\
            https://Shop.example/?utm_source=ig&utm_medium=social&gclid=Cj0KCQiA1,ga-web
            20260504,1777888860000000,page_view,1197.17,1714000001,\
            https://shop.example/product/123?utm_source=ig#reviews,ga-web
            20260504,1777888920000000,page_view,1197.17,1714000001,https://shop.example/cart/,ga-web
            20260504,1777888980000000,page_view,1197.17,1714000001,\
            https://shop.example/checkout/thanks?order=A-1001,ga-web
            20260504,1777892400000000,page_view,2208.31,1714000002,\
            https://shop.example/product/456?gclid=EAIaIQob,ga-web
            20260504,1777892430000000,page_view,2208.31,1714000002,https://shop.example/product/789?ref=rec,ga-web
            20260504,1777892430000000,page_view,2208.31,1714000002,https://shop.example/product/790?ref=rec,ga-web
            20260504,1777892460000000,page_view,2208.31,1714000002,https://shop.example/cart,ga-web
            20260504,1777896000000000,page_view,3319.45,1714000003,https://shop.example/?utm_source=newsletter,ga-web
            20260504,1777896040000000,page_view,3319.45,1714000003,https://shop.example/product/123/,ga-web
            20260504,1777896120000000,page_view,3319.45,1714000003,\
            https://shop.example/checkout/thanks?order=A-1002,ga-web
            """;

    private static final String GA4_COLUMNS = "journeyColumn=ga_session_id&timestampColumn=event_timestamp"
            + "&touchpointColumn=page_location";

    /**
     * PostHog events (an export of the events table with the properties as columns): u1 leaves for a competitor's
     * deals page, u2 goes there and comes back, u3 opens two invoices named by their ids.
     */
    private static final String POSTHOG = """
            uuid,event,distinct_id,timestamp,$current_url,$host
            0196a3b0-0001-7000-8000-000000000001,$pageview,ph-u1,2026-05-05T09:00:00.000Z,\
            https://shop.example/pricing?utm_campaign=spring,shop.example
            0196a3b0-0002-7000-8000-000000000002,$pageview,ph-u1,2026-05-05T09:01:00.000Z,\
            https://shop.example/pricing#plans,shop.example
            0196a3b0-0003-7000-8000-000000000003,$pageview,ph-u1,2026-05-05T09:02:00.000Z,\
            https://rival.example/deals?ref=shop&utm_source=shop,rival.example
            0196a3b0-0004-7000-8000-000000000004,$pageview,ph-u2,2026-05-05T10:00:00.000Z,\
            https://shop.example/,shop.example
            0196a3b0-0005-7000-8000-000000000005,$pageview,ph-u2,2026-05-05T10:01:00.000Z,\
            https://rival.example/deals,rival.example
            0196a3b0-0006-7000-8000-000000000006,$pageview,ph-u2,2026-05-05T10:05:00.000Z,\
            https://shop.example/signup/,shop.example
            0196a3b0-0007-7000-8000-000000000007,$pageview,ph-u3,2026-05-05T11:00:00.000Z,\
            https://shop.example/account/invoice/5d0f1d84-8c1c-4a8e-9d2e-3a5b9c7e2f10?download=1,shop.example
            0196a3b0-0008-7000-8000-000000000008,$pageview,ph-u3,2026-05-05T11:02:00.000Z,\
            https://shop.example/account/invoice/0b6a3c2e-1f4d-4c55-8a77-2c9e1b0d4e31,shop.example
            """;

    private static final String POSTHOG_COLUMNS = "customerColumn=distinct_id&eventIdColumn=uuid"
            + "&touchpointColumn=%24current_url";

    @Test
    void namesEachGa4PageByItsPathWithProductIdsRewrittenAndReimportsIdempotently() {
        String query = "?" + GA4_COLUMNS + "&urls=path&rewrite=" + encoded("/product/\\d+ -> /product/:id")
                + "&purchase=/checkout/thanks";

        JsonNode report = importCsv(query, GA4);

        assertThat(report.get("eventsImported").asLong()).as(report.toString()).isEqualTo(11);
        assertThat(report.get("duplicateEvents").asLong()).as("two products viewed in the same second").isZero();
        JsonNode cleaning = report.get("cleaning");
        assertThat(cleaning.get("names").asLong()).isEqualTo(11);
        assertThat(cleaning.get("touchpoints").asLong()).isEqualTo(4);
        assertThat(cleaning.get("renamedEvents").asLong()).isEqualTo(11);
        assertThat(report.get("outcomeRules").get(0).get("matchedEvents").asLong()).isEqualTo(2);
        assertThat(report.get("warnings")).as(report.toString()).isEmpty();

        assertThat(steps("1714000001")).containsExactly("/", "/product/:id", "/cart", "/checkout/thanks");
        assertThat(steps("1714000002")).containsExactly("/product/:id", "/product/:id", "/product/:id", "/cart");
        assertThat(steps("1714000003")).containsExactly("/", "/product/:id", "/checkout/thanks");
        assertThat(outcome("1714000001")).isEqualTo("PURCHASE");
        assertThat(outcome("1714000002")).isEqualTo("ABANDONED");
        JsonNode top = get("/api/paths/top?attr.stream_id=ga-web").json();
        List<String> variants = new ArrayList<>();
        top.get("variants").forEach(variant -> variants.add(variant.get("journeys").asLong() + " "
                + names(variant.get("steps"))));
        assertThat(variants).as(top.toString()).containsExactlyInAnyOrder(
                "1 [/, /product/:id, /cart, /checkout/thanks]", "1 [/, /product/:id, /checkout/thanks]",
                "1 [/product/:id, /product/:id, /product/:id, /cart]");
        assertThat(touchpointNames()).doesNotContain("https://shop.example/cart", "/product/123", "/cart/");

        JsonNode again = importCsv(query, GA4);
        assertThat(again.get("eventsImported").asLong()).as(again.toString()).isZero();
        assertThat(again.get("duplicateEvents").asLong()).isEqualTo(11);
        assertThat(again.get("importId")).isNull();
    }

    @Test
    void aRuleWrittenAsAnAddressWithItsQueryStringNamesItsPage() {
        String ga4 = GA4.replace(",17140000", ",27140000").replace("ga-web", "ga-rule");
        String thanks = "https://shop.example/checkout/thanks?order=A-1001";

        JsonNode report = importCsv("?" + GA4_COLUMNS + "&urls=path&purchase=" + encoded(thanks), ga4);

        JsonNode rule = report.get("outcomeRules").get(0);
        assertThat(rule.get("names").get(0).get("name").asString()).isEqualTo(thanks);
        assertThat(rule.get("matchedEvents").asLong()).as("both visits of the page").isEqualTo(2);
        assertThat(report.get("warnings")).as(report.toString()).isEmpty();
        assertThat(steps("2714000001")).containsExactly("/", "/product/123", "/cart", "/checkout/thanks");
        assertThat(outcome("2714000001")).isEqualTo("PURCHASE");
        assertThat(outcome("2714000003")).isEqualTo("PURCHASE");
        assertThat(report.get("cleaning").get("touchpoints").asLong()).as("no rewrite: each product its page")
                .isEqualTo(7);
    }

    @Test
    void keepsPostHogSitesApartByHostAndTheCompetitorRuleAsAnAddressNamesItsPage() {
        String query = "?" + POSTHOG_COLUMNS + "&urls=host-path&competitor="
                + encoded("https://rival.example/deals?ref=shop") + "&rewrite="
                + encoded("/invoice/[0-9a-f-]{36}$ -> /invoice/:id") + "&openHorizon=0";

        JsonNode report = importCsv(query, POSTHOG);

        assertThat(report.get("outcomeRules").get(0).get("matchedEvents").asLong()).as(report.toString())
                .isEqualTo(2);
        assertThat(report.get("warnings")).as(report.toString()).isEmpty();
        assertThat(report.get("cleaning").get("names").asLong()).isEqualTo(8);
        assertThat(report.get("cleaning").get("touchpoints").asLong()).isEqualTo(5);
        assertThat(report.get("cleaning").get("renamedEvents").asLong()).isEqualTo(8);
        JsonNode u1 = get("/api/journeys?id=ph-u1@2026-05-05T09:00:00Z").json();
        assertThat(names(u1.get("steps"), "touchpoint")).containsExactly("shop.example/pricing",
                "shop.example/pricing", "rival.example/deals");
        assertThat(u1.get("outcome").asString()).isEqualTo("DIVERTED");
        JsonNode u2 = get("/api/journeys?id=ph-u2@2026-05-05T10:00:00Z").json();
        assertThat(names(u2.get("steps"), "touchpoint")).containsExactly("shop.example/", "rival.example/deals",
                "shop.example/signup");
        assertThat(u2.get("outcome").asString()).isEqualTo("ABANDONED");
        JsonNode u3 = get("/api/journeys?id=ph-u3@2026-05-05T11:00:00Z").json();
        assertThat(names(u3.get("steps"), "touchpoint")).containsExactly("shop.example/account/invoice/:id",
                "shop.example/account/invoice/:id");
        for (JsonNode touchpoint : get("/api/touchpoints").json()) {
            if (touchpoint.get("name").asString().startsWith("rival.example")) {
                assertThat(touchpoint.get("owner").asString()).isEqualTo("competitor");
            } else if (touchpoint.get("name").asString().startsWith("shop.example")) {
                assertThat(touchpoint.get("owner").asString()).as(touchpoint.toString()).isEqualTo("own");
            }
        }
    }

    @Test
    void thePreviewShowsCleanedNamesAndWarnsThatUrlsPathMergesTheHostsPages() {
        Response preview = post("/api/events/preview?" + POSTHOG_COLUMNS + "&urls=path", "text/csv", POSTHOG);

        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(names(preview.json().get("rows"), "touchpoint")).containsExactly("/pricing", "/pricing", "/deals",
                "/", "/deals", "/signup", "/account/invoice/5d0f1d84-8c1c-4a8e-9d2e-3a5b9c7e2f10",
                "/account/invoice/0b6a3c2e-1f4d-4c55-8a77-2c9e1b0d4e31");
        JsonNode warning = preview.json().get("warnings").get(0);
        assertThat(warning.get("kind").asString()).isEqualTo("urls-hosts-merged");
        assertThat(warning.get("message").asString()).contains("2 hosts (shop.example, rival.example)",
                "urls=host-path");
    }

    @Test
    void leavesNamesThatAreNoAddressesAsTheyAreAndCutsAPathAloneAndAnAddressesAuthority() {
        Response preview = post("/api/events/preview?urls=host-path", "text/csv", """
                journey_id,timestamp,touchpoint
                na-1,2026-05-06T10:00:00Z,Add to cart
                na-1,2026-05-06T10:01:00Z,/cart/?step=2#top
                na-1,2026-05-06T10:02:00Z,HTTPS://user:secret@Shop.Example:443/Product/9/?x=1
                na-1,2026-05-06T10:03:00Z,http://shop.example:8080/a/b//
                na-1,2026-05-06T10:04:00Z,android-app://com.shop/home
                na-1,2026-05-06T10:05:00Z,https://shop.example#top
                """);

        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(names(preview.json().get("rows"), "touchpoint")).containsExactly("Add to cart", "/cart",
                "shop.example/Product/9", "shop.example:8080/a/b", "android-app://com.shop/home", "shop.example/");
    }

    @Test
    void aBadRewriteRuleOrUrlsValueIsA400NamingTheParameterBeforeTheBodyIsRead() {
        String garbage = "not a header\u0000";
        assertThat(refused("rewrite=" + encoded("/product/(\\d+ -> /product/:id"), garbage).get("detail")
                .asString()).contains("has '/product/(\\d+', which is not a valid regular expression: Unclosed group");
        assertThat(refused("rewrite=" + encoded("/product/(\\d+) -> /product/$2"), garbage).get("detail")
                .asString()).contains("replacement '/product/$2' that cannot be made: No group 2");
        assertThat(refused("rewrite=" + encoded("/product/\\d+ /product/:id"), garbage).get("detail").asString())
                .contains("must be <regular expression> -> <replacement>");
        assertThat(refused("urls=full", garbage).get("detail").asString()).contains("must be path");
    }

    /** Posts {@code body} with {@code query}, expects a 400 naming the parameter and an unchanged store. */
    private JsonNode refused(String query, String body) {
        String before = storeState();
        Response response = post("/api/events?" + query, "text/csv", body);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("parameter").asString()).isEqualTo(query.substring(0, query.indexOf('=')));
        assertThat(storeState()).isEqualTo(before);
        return response.json();
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private List<String> steps(String journeyId) {
        return names(get("/api/journeys/" + journeyId).json().get("steps"), "touchpoint");
    }

    private String outcome(String journeyId) {
        return get("/api/journeys/" + journeyId).json().get("outcome").asString();
    }

    private List<String> touchpointNames() {
        return names(get("/api/touchpoints").json(), "name");
    }

    private static List<String> names(JsonNode items, String field) {
        List<String> names = new ArrayList<>();
        items.forEach(item -> names.add(item.get(field).asString()));
        return names;
    }

    private static List<String> names(JsonNode steps) {
        List<String> names = new ArrayList<>();
        steps.forEach(step -> names.add(step.asString()));
        return names;
    }
}
