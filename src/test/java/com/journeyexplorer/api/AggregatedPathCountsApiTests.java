package com.journeyexplorer.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.journeyexplorer.ApiTestSupport;

import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/journeys/aggregated}: the counts stored are the counts of the rows imported, a row that is skipped
 * counts for nothing, and each problem names the column it is about. Each test uses its own source and touchpoints.
 */
class AggregatedPathCountsApiTests extends ApiTestSupport {

    private static final String HEADER = "path,total_conversions,total_conversion_value,total_null\n";

    private Response upload(String query, String rows) {
        return post("/api/journeys/aggregated?" + query, "text/csv", HEADER + rows);
    }

    /** The stored weights of the source's journeys, by "path (conversions|non-conversions)". */
    private Map<String, Long> stored(String source) {
        Map<String, Long> weights = new TreeMap<>();
        try (var session = driver.session()) {
            session.run("MATCH (j:Journey) WHERE j.id STARTS WITH $prefix RETURN j.id AS id, j.path AS path, "
                    + "j.weight AS weight", Map.of("prefix", "agg:" + source + ":")).list().forEach(row -> {
                        String kind = row.get("id").asString().contains(":non-conversions:") ? "non-conversions"
                                : "conversions";
                        weights.put(String.join(" > ", row.get("path").asList(v -> v.asString())) + " (" + kind
                                + ")", row.get("weight").asLong());
                    });
        }
        return weights;
    }

    private static JsonNode firstError(Response response) {
        return response.json().get("errors").get(0);
    }

    @Test
    void aSkippedRowThatWouldMakeACountTooLargeCountsForNothing() {
        Response response = upload("source=big-skip&onError=skip", """
                Big A > Big B,2000000000,0,0
                Big A > Big B,2000000000,0,0
                Big A > Big C,1,0,1
                """);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("rowsRejected").asLong()).isEqualTo(1);
        assertThat(firstError(response).get("line").asLong()).isEqualTo(3);
        assertThat(firstError(response).get("reason").asString()).contains("4000000000", "2147483647");
        assertThat(stored("big-skip")).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                "Big A > Big B > Conversion (conversions)", 2_000_000_000L,
                "Big A > Big C > Conversion (conversions)", 1L, "Big A > Big C (non-conversions)", 1L)));
    }

    @Test
    void aRowWithABadValueIsSkippedWholeNotCountedWithoutItsValue() {
        Response response = upload("source=bad-value&onError=skip", """
                Value A > Value B,5,-10,2
                Value A > Value C,1,abc,1
                Value A > Value D,1,3.5,1
                """);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("rowsRejected").asLong()).isEqualTo(2);
        assertThat(stored("bad-value")).containsOnlyKeys("Value A > Value D > Conversion (conversions)",
                "Value A > Value D (non-conversions)");
    }

    @Test
    void importingASourceAgainReplacesAllItsCountsAndAnUndoPutsThemBack() {
        assertThat(upload("source=again", """
                Again A > Again B,2,20,3
                Again A > Again C,1,5,1
                """).status()).isEqualTo(200);
        Map<String, Long> first = stored("again");
        assertThat(first).hasSize(4);

        Response second = upload("source=again", "Again A > Again B,0,0,4\n");

        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(second.json().get("journeysRemoved").asLong()).isEqualTo(3);
        assertThat(stored("again")).containsExactlyEntriesOf(Map.of("Again A > Again B (non-conversions)", 4L));

        Response undo = send(HttpRequest.newBuilder(uri("/api/imports/" + second.json().get("importId").asString()))
                .header("X-API-Key", API_KEY).DELETE().build());
        assertThat(undo.status()).as(undo.body()).isEqualTo(200);
        assertThat(stored("again")).isEqualTo(first);
    }

    @Test
    void aPathCountedZeroTimesCreatesNoTouchpointNorDoesAPathWithoutConversionsTheConversionTouchpoint() {
        Response response = upload("source=zero&conversionTouchpoint=Zero-Done", """
                Zero A > Zero B,0,0,0
                Zero A > Zero C,0,0,2
                """);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(stored("zero")).containsExactlyEntriesOf(Map.of("Zero A > Zero C (non-conversions)", 2L));
        java.util.List<String> names = new java.util.ArrayList<>();
        get("/api/touchpoints").json().forEach(touchpoint -> names.add(touchpoint.get("name").asString()));
        assertThat(names).contains("Zero A", "Zero C").doesNotContain("Zero B", "Zero-Done");
        try (var session = driver.session()) {
            assertThat(session.run("MATCH (t:Touchpoint) WHERE t.name IN ['Zero B', 'Zero-Done'] RETURN count(t) AS n")
                    .single().get("n").asLong()).isZero();
        }
    }

    @Test
    void aHeaderWithoutThePathColumnNamesTheParameterThatNamesIt() {
        Response response = post("/api/journeys/aggregated?source=no-path", "text/csv",
                "route,total_conversions\nHeader A > Header B,3\n");

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(firstError(response).get("reason").asString())
                .contains("no column path (columns found: route, total_conversions)", "name the column with "
                        + "pathColumn=..., or check the delimiter")
                .doesNotContain("journeyColumn");
    }

    @Test
    void aTooLargeCountNamesItsOwnColumnAndTheLimit() {
        Response nulls = upload("source=big-nulls", "Nulls A > Nulls B,1,0,3000000000\n");
        assertThat(nulls.status()).as(nulls.body()).isEqualTo(400);
        assertThat(nulls.json().get("detail").asString()).startsWith("1 row is invalid; nothing was imported");
        assertThat(firstError(nulls).get("field").asString()).isEqualTo("total_null");
        assertThat(firstError(nulls).get("reason").asString()).contains("at most 2147483647", "3000000000");

        Response beyondLong = upload("source=big-long", "Nulls A > Nulls B,99999999999999999999,0,0\n");
        assertThat(beyondLong.status()).as(beyondLong.body()).isEqualTo(400);
        assertThat(firstError(beyondLong).get("field").asString()).isEqualTo("total_conversions");
        assertThat(firstError(beyondLong).get("reason").asString())
                .isEqualTo("must be at most 2147483647, was 99999999999999999999");
        assertThat(stored("big-nulls")).isEmpty();
    }

    @Test
    void aWholeCountWrittenAsADecimalCountsAndOnlyAFractionIsRefused() {
        // pandas writes a count column that held an empty cell as floats: 3.0, 1.0.
        Response response = upload("source=float-counts&onError=skip", """
                Float A > Float B,3.0,30,1.0
                Float A > Float C,1e1,0,0.
                Float A > Float D,2.5,0,1
                Float A > Float E,-1.0,0,1
                """);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("rowsRejected").asLong()).isEqualTo(2);
        assertThat(firstError(response).get("line").asLong()).isEqualTo(4);
        assertThat(firstError(response).get("field").asString()).isEqualTo("total_conversions");
        assertThat(firstError(response).get("reason").asString()).isEqualTo("'2.5' is not a whole number");
        assertThat(response.json().get("errors").get(1).get("reason").asString())
                .isEqualTo("must be 0 or more, was -1.0");
        assertThat(stored("float-counts")).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                "Float A > Float B > Conversion (conversions)", 3L, "Float A > Float B (non-conversions)", 1L,
                "Float A > Float C > Conversion (conversions)", 10L)));

        Response beyond = upload("source=float-big", "Float A > Float F,3e9,0,0\n");
        assertThat(beyond.status()).as(beyond.body()).isEqualTo(400);
        assertThat(firstError(beyond).get("reason").asString()).isEqualTo("must be at most 2147483647, was 3e9");
    }

    @Test
    void aConversionValueOnARowWithoutConversionsIsABadRowRatherThanDroppedUnsaid() {
        Response response = upload("source=value-no-conversions", """
                Lost A > Lost B,0,5,2
                Lost A > Lost C,0,0,1
                """);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("errors")).hasSize(1);
        assertThat(firstError(response).get("line").asLong()).isEqualTo(2);
        assertThat(firstError(response).get("field").asString()).isEqualTo("total_conversion_value");
        assertThat(firstError(response).get("reason").asString()).isEqualTo("is 5 on a row without conversions "
                + "(total_conversions is 0): a conversion value is the value of the row's conversions");
        assertThat(stored("value-no-conversions")).isEmpty();
    }

    @Test
    void aFileOfOnlyAHeaderIsRefusedAtLineOneForHavingNoDataRows() {
        Response response = post("/api/journeys/aggregated?source=header-only", "text/csv", HEADER);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).contains("no data rows");
        assertThat(firstError(response).get("line").asLong()).isEqualTo(1);
        assertThat(firstError(response).get("reason").asString()).contains("header", "no data row");
    }

    @Test
    void rowsOfEmptyCellsArePassedOverAndCountedAndAFileOfNothingElseIsRefusedAtLineOne() {
        Response response = upload("source=cleared-rows", ",,,\nCleared A > Cleared B,2,0,1\n , , ,\n,,,\n");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("rowsRead").asLong()).isEqualTo(1);
        assertThat(response.json().get("emptyRows").asLong()).isEqualTo(3);
        assertThat(stored("cleared-rows")).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                "Cleared A > Cleared B > Conversion (conversions)", 2L,
                "Cleared A > Cleared B (non-conversions)", 1L)));

        Response onlyEmpty = upload("source=cleared-only", ",,,\n,,,\n");
        assertThat(onlyEmpty.status()).as(onlyEmpty.body()).isEqualTo(400);
        assertThat(firstError(onlyEmpty).get("line").asLong()).isEqualTo(1);
        assertThat(firstError(onlyEmpty).get("reason").asString()).isEqualTo("is the header, and no data row follows "
                + "it (the 2 rows after it have empty cells only, which are passed over)");
    }

    @Test
    void aPathWithTheSeparatorAtItsStartOrEndSaysSo() {
        Response response = upload("source=edge-separator", """
                > Edge A > Edge B,1,0,0
                Edge A > Edge B >,1,0,0
                Edge A >  > Edge B,1,0,0
                """);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.errorLines()).containsExactly("2 path starts with the separator '>'",
                "3 path ends with the separator '>'", "4 path has an empty step between separators");
        assertThat(stored("edge-separator")).isEmpty();
    }

    @Test
    void conversionValuesThatAddUpBeyondTheLargestNumberAreRefusedNamingRowAndColumn() {
        Response response = upload("source=huge-value", """
                Huge A > Huge B,1,1e308,0
                Huge A > Huge B,1,1e308,0
                """);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(firstError(response).get("line").asLong()).isEqualTo(3);
        assertThat(firstError(response).get("field").asString()).isEqualTo("total_conversion_value");
        assertThat(firstError(response).get("reason").asString()).contains("larger than the largest number");
        assertThat(stored("huge-value")).isEmpty();
    }

    @Test
    void aValueBeyondTheLargestNumberIsTooLargeAndAValueOfLettersIsNotANumber() {
        Response response = upload("source=value-words", """
                Words A > Words B,1,1e400,0
                Words A > Words B,1,lots,0
                """);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.errorLines()).containsExactly(
                "2 total_conversion_value '1e400' is too large a number",
                "3 total_conversion_value 'lots' is not a number");
        assertThat(stored("value-words")).isEmpty();
    }

    @Test
    void cleansThePageAddressesOfThePathsAndAddsUpThePathsThatBecomeTheSame() {
        Response response = upload("source=pages&urls=path&rewrite=" + encoded("/product/\\d+ -> /product/:id")
                + "&competitor=" + encoded("https://rival.example/deals?ref=shop"), """
                https://shop.example/?utm_source=ig > https://shop.example/product/123?gclid=Cj0,2,20,3
                https://shop.example/ > https://shop.example/product/456#reviews,1,10,1
                https://rival.example/deals > /cart/,0,0,2
                """);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode report = response.json();
        // The first two rows are one path once cleaned: 3 conversions (3 steps each), 4 non-conversions (2 steps).
        assertThat(report.get("eventsImported").asLong()).isEqualTo(3 * 3 + 4 * 2 + 2 * 2);
        assertThat(report.get("journeysCreated").asLong()).isEqualTo(3);
        assertThat(report.get("cleaning").get("names").asLong()).isEqualTo(6);
        assertThat(report.get("cleaning").get("touchpoints").asLong()).isEqualTo(4);
        // Every step of the first two rows is renamed (2 × 5 + 2 × 2), and '/deals' and '/cart' of the third (2 × 2).
        assertThat(report.get("cleaning").get("renamedEvents").asLong()).isEqualTo(18);
        assertThat(stored("pages")).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                "/ > /product/:id > Conversion (conversions)", 3L, "/ > /product/:id (non-conversions)", 4L,
                "/deals > /cart (non-conversions)", 2L)));
        try (var session = driver.session()) {
            assertThat(session.run("MATCH (t:Touchpoint {name: '/deals'}) RETURN t.owner AS owner").single()
                    .get("owner").asString()).as("the competitor rule names the page by its address")
                    .isEqualToIgnoringCase("competitor");
        }
    }

    @Test
    void keepsEveryRepeatedCompetitorValueAsOneNameOrExpressionAsAnEventImportDoes() {
        Response response = post("/api/journeys/aggregated?source=rivals&delimiter=;&competitor="
                + encoded("^Rival .*") + "&competitor=" + encoded("Other, Shop"), "text/csv", """
                path;total_conversions;total_conversion_value;total_null
                Rival Deals > Rivals Home;1;10;1
                Other, Shop > Rivals Home;0;0;2
                """);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        try (var session = driver.session()) {
            assertThat(session.run("MATCH (t:Touchpoint) WHERE t.name IN ['Rival Deals', 'Other, Shop', "
                    + "'Rivals Home'] RETURN t.name AS name, t.owner AS owner ORDER BY name").list(
                            row -> row.get("name").asString() + ": " + row.get("owner").asString().toLowerCase()))
                    .containsExactly("Other, Shop: competitor", "Rival Deals: competitor", "Rivals Home: own");
        }
    }

    @Test
    void refusesAStepEmptyOnceCleanedAndTheOptionsOfEventsNamingThem() {
        Response empty = upload("source=emptied&rewrite=" + encoded("^Gone$ -> "), """
                Kept A > Gone,1,0,1
                """);
        Response zone = upload("source=zoned&zone=Europe/Paris", "Zone A > Zone B,1,0,1\n");

        assertThat(empty.status()).isEqualTo(400);
        assertThat(firstError(empty).get("line").asLong()).isEqualTo(2);
        assertThat(firstError(empty).get("reason").asString())
                .isEqualTo("has a step 'Gone' that is empty once cleaned by the rewrite rules");
        assertThat(zone.status()).as("aggregated paths have no times to read in a zone").isEqualTo(400);
        assertThat(zone.json().get("parameter").asString()).isEqualTo("zone");
    }

    private static String encoded(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void theOpenApiDescriptionGivesTheDefaultsTheImportReadsWithout() {
        Map<String, String> defaults = new TreeMap<>();
        for (JsonNode parameter : get("/v3/api-docs").json().get("paths").get("/api/journeys/aggregated").get("post")
                .get("parameters")) {
            JsonNode schema = parameter.get("schema");
            if (schema != null && schema.has("default")) {
                defaults.put(parameter.get("name").asString(), schema.get("default").asString());
            }
        }
        assertThat(defaults).containsEntry("pathColumn", "path").containsEntry("conversionsColumn", "total_conversions")
                .containsEntry("valueColumn", "total_conversion_value").containsEntry("separator", ">")
                .containsEntry("source", "aggregated").containsEntry("onError", "reject")
                .containsEntry("conversionTouchpoint", "Conversion");
    }
}
