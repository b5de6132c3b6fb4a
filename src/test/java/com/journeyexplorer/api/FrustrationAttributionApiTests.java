package com.journeyexplorer.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.journeyexplorer.ApiTestSupport;

import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/attribution} leaves frustration signals out of the paths it credits: the same journeys imported
 * twice, once with rage clicks ({@code source=rage}) and once without those rows ({@code source=calm}), get the same
 * credits from every model, Markov at every order included, so a page earns nothing for the rage clicks it causes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FrustrationAttributionApiTests extends ApiTestSupport {

    /** Steps {@code touchpoint[:f]} an hour apart; a last step {@code Thanks!value} is the purchase. */
    private static final String[][] JOURNEYS = {
            {"j1", "Home", "Cart", "Cart:f", "Cart:f", "Thanks!40"},
            {"j2", "Home", "Product", "Product:f", "Cart", "Thanks!20"},
            {"j3", "Product:f", "Product", "Home"},
            {"j4", "Product", "Cart", "Cart:f", "Thanks!30"},
            {"j5", "Home", "Cart", "Cart:f"},
            {"j6", "Search", "Product", "Cart", "Thanks!10"},
            {"j7", "Search", "Home"},
            {"j8", "Search", "Cart:f", "Cart", "Home", "Thanks!15"}};

    private static final List<String> MODELS = List.of("model=first", "model=last", "model=linear",
            "model=position", "model=time-decay&halfLife=0.1", "model=markov&order=1",
            "model=markov&order=2", "model=markov&order=3", "model=markov&order=4");

    @BeforeAll
    void importWithAndWithoutRageClicks() {
        StringBuilder csv = new StringBuilder("journey_id,timestamp,touchpoint,type,value,source\n");
        for (String source : List.of("rage", "calm")) {
            for (String[] journey : JOURNEYS) {
                for (int i = 1; i < journey.length; i++) {
                    boolean frustration = journey[i].endsWith(":f");
                    if (frustration && source.equals("calm")) {
                        continue;
                    }
                    String[] step = journey[i].replace(":f", "").split("!");
                    csv.append(source).append('-').append(journey[0]).append(",2026-05-04T").append(10 + i)
                            .append(":00:00Z,").append(step[0]).append(',')
                            .append(step.length > 1 ? "purchase," + step[1]
                                    : frustration ? "frustration," : "touchpoint,")
                            .append(',').append(source).append('\n');
                }
            }
        }
        Response imported = post("/api/events?openHorizon=0", "text/csv", csv.toString());
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    }

    @Test
    void everyModelCreditsTheJourneysAsIfTheirRageClicksWereNotThere() {
        JsonNode cart = label(get("/api/experience?by=touchpoint&attr.source=rage").json(), "Cart");
        assertThat(cart.get("frustrationEvents").asLong()).as("the rage clicks are stored").isEqualTo(5);
        for (String model : MODELS) {
            Response rageResponse = get("/api/attribution?attr.source=rage&" + model);
            assertThat(rageResponse.status()).as(rageResponse.body()).isEqualTo(200);
            JsonNode rage = rageResponse.json();
            JsonNode calm = get("/api/attribution?attr.source=calm&" + model).json();
            assertThat(rage.get("labels")).as(model).isNotEmpty();
            assertThat(rage.get("labels")).as(model).isEqualTo(calm.get("labels"));
            assertThat(rage.get("totals")).as(model).isEqualTo(calm.get("totals"));
            assertThat(rage.path("conversionProbability")).as(model).isEqualTo(calm.path("conversionProbability"));
        }
    }

    /**
     * Linear by hand: j1 Home, Cart (40); j2 Home, Product, Cart (20); j4 Product, Cart (30); j6 Search, Product,
     * Cart (10); j8 Search, Cart, Home (15). Cart: 1/2 + 1/3 + 1/2 + 1/3 + 1/3 = 2 conversions of 5; counting the
     * rage clicks as touches gave it 3/4 of j1 and 2/3 of j4.
     */
    @Test
    void linearCreditsTheCartOnceAJourney() {
        JsonNode cart = label(get("/api/attribution?attr.source=rage&model=linear").json(), "Cart");
        assertThat(cart.get("conversions").asDouble()).isCloseTo(2.0, within(1e-9));
        assertThat(cart.get("value").asDouble()).isCloseTo(20 + 20.0 / 3 + 15 + 10.0 / 3 + 5, within(1e-9));
    }

    /** The touch from the experience or attribution answer's labels named {@code name}. */
    private static JsonNode label(JsonNode answer, String name) {
        for (JsonNode label : answer.get("labels")) {
            if (label.get("label").asString().equals(name)) {
                return label;
            }
        }
        throw new AssertionError("no label " + name + " in " + answer);
    }
}
