package com.journeyexplorer.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.journeyexplorer.ApiTestSupport;

import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/outcomes} on a store imported with {@code urls} and {@code rewrite}: given the same cleaning, a
 * page's address as the file writes it names the touchpoint the import made of it, as the import's own rules do.
 */
class CleanedOutcomeRulesApiTests extends ApiTestSupport {

    private static final String CLEANING = "urls=host-path&rewrite=" + encoded("/product/\\d+ -> /product/:id");
    private static final String EVENTS = """
            journey_id,timestamp,touchpoint
            c1,2026-05-01T10:00:00Z,https://shop.example/product/12?ref=rec
            c1,2026-05-01T10:01:00Z,https://shop.example/checkout/thanks?order=A-1001
            c2,2026-05-01T11:00:00Z,https://shop.example/product/7
            c2,2026-05-01T11:01:00Z,https://rival.example/deals?utm_source=ig
            """;

    @Test
    void namesThePagesOfACleanedStoreByTheirAddressesAsWrittenWithTheImportsCleaning() {
        importCsv("?openHorizon=0&" + CLEANING, EVENTS);

        Response redefined = post("/api/outcomes?" + CLEANING + "&purchase="
                + encoded("https://shop.example/checkout/thanks?order=B-2002") + "&competitor="
                + encoded("https://rival.example/deals?utm_source=mail"), "text/plain", "");

        assertThat(redefined.status()).as(redefined.body()).isEqualTo(200);
        JsonNode answer = redefined.json();
        assertThat(answer.get("purchase").toString()).isEqualTo("[\"shop.example/checkout/thanks\"]");
        assertThat(answer.get("purchaseEvents").asLong()).isEqualTo(1);
        assertThat(answer.get("competitors").asLong()).isEqualTo(1);
        assertThat(answer.get("outcomesAfter").get("PURCHASE").asLong()).isEqualTo(1);
        assertThat(answer.get("outcomesAfter").get("DIVERTED").asLong()).isEqualTo(1);

        Response product = post("/api/outcomes?" + CLEANING + "&purchase="
                + encoded("https://shop.example/product/99"), "text/plain", "");
        assertThat(product.status()).as(product.body()).isEqualTo(200);
        assertThat(product.json().get("purchase").toString()).isEqualTo("[\"shop.example/product/:id\"]");
        assertThat(product.json().get("purchaseEvents").asLong()).isEqualTo(2);
    }

    @Test
    void withoutTheCleaningAnAddressAsWrittenIsNoStoredTouchpointAndABadCleaningIsA400() {
        importCsv("?openHorizon=0&" + CLEANING, EVENTS);
        String before = storeState();

        Response uncleaned = post("/api/outcomes?purchase="
                + encoded("https://shop.example/checkout/thanks?order=B-2002"), "text/plain", "");
        Response badUrls = post("/api/outcomes?urls=query&purchase=" + encoded("shop.example/checkout/thanks"),
                "text/plain", "");
        Response badRule = post("/api/outcomes?rewrite=" + encoded("/product/(\\d+ -> x") + "&purchase="
                + encoded("shop.example/checkout/thanks"), "text/plain", "");

        assertThat(uncleaned.status()).as(uncleaned.body()).isEqualTo(400);
        assertThat(uncleaned.json().get("parameter").asString()).isEqualTo("purchase");
        assertThat(uncleaned.json().get("detail").asString())
                .contains("names no stored touchpoint: 'https://shop.example/checkout/thanks?order=B-2002'");
        assertThat(badUrls.status()).as(badUrls.body()).isEqualTo(400);
        assertThat(badUrls.json().get("parameter").asString()).isEqualTo("urls");
        assertThat(badRule.status()).as(badRule.body()).isEqualTo(400);
        assertThat(badRule.json().get("parameter").asString()).isEqualTo("rewrite");
        assertThat(storeState()).isEqualTo(before);
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
