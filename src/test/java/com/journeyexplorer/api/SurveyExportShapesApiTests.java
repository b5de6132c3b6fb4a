package com.journeyexplorer.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.journeyexplorer.ApiTestSupport;

import tools.jackson.databind.JsonNode;

/** Survey answers as survey tools and spreadsheets write them: what is read, and what is refused and why. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SurveyExportShapesApiTests extends ApiTestSupport {

    private static final String EVENTS = """
            journey_id,customer_id,timestamp,touchpoint,channel,stage,type
            j1,c1,2026-01-01T10:00:00Z,Ad,social,awareness,touchpoint
            j1,c1,2026-01-01T10:10:00Z,Cart,website,consideration,abandon
            """;

    @BeforeAll
    void importEvents() {
        importCsv("?openHorizon=0", EVENTS);
    }

    @Test
    void aCommentIsMeasuredInCharactersSoEmojiCountOnceEach() {
        // Each emoji is one character but two UTF-16 units: 2,001 of them were refused as longer than 4,000.
        String emoji = "\uD83D\uDE21";
        String fits = "\"" + emoji.repeat(2001) + "\nsecond line, \"\"quoted\"\"\"";
        String tooLong = "\"" + emoji.repeat(4001) + "\"";
        String before = storeState();

        Response refused = post("/api/feedback?scale=csat", "text/csv",
                "journey_id,touchpoint,score,comment\nj1,Cart,1," + tooLong + "\n");
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.errorLines()).containsExactly("2 comment is longer than 4000 characters");
        assertThat(storeState()).isEqualTo(before);

        Response stored = post("/api/feedback?scale=csat", "text/csv",
                "journey_id,touchpoint,score,comment\nj1,Cart,1," + fits + "\n");
        assertThat(stored.status()).as(stored.body()).isEqualTo(200);
        assertThat(stored.json().get("imported").asLong()).isEqualTo(1);
        JsonNode comments = label(get("/api/experience?by=touchpoint").json(), "Cart").get("comments");
        assertThat(comments.get(0).get("comment").asString())
                .isEqualTo(emoji.repeat(2001) + "\nsecond line, \"quoted\"");

        Response onEvent = post("/api/events?openHorizon=0&scale=csat", "text/csv",
                "journey_id,customer_id,timestamp,touchpoint,score,comment\nj2,c2,2026-01-02T10:00:00Z,Cart,2,"
                        + fits + "\n");
        assertThat(onEvent.status()).as(onEvent.body()).isEqualTo(200);
        assertThat(onEvent.json().get("answersStored").asLong()).isEqualTo(1);
    }

    @Test
    void aRespondentsQuestionsAnsweredAlikeInAnExportWithARowPerQuestionAreEachStored() {
        // No response id: each row's id is derived from its content, and the question is no field of an answer.
        String file = """
                respondent,journey_id,question,touchpoint,score,scale
                R1,j1,speed,Ad,4,csat
                R1,j1,clarity,Ad,4,csat
                R1,j1,relevance,Ad,2,csat
                R1,j1,look,Ad,4.0,csat
                """;

        Response first = post("/api/feedback", "text/csv", file);
        Response again = post("/api/feedback", "text/csv", file);

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("imported").asLong()).as("one 4 was stored, the others dropped").isEqualTo(4);
        assertThat(first.json().get("duplicates").asLong()).isZero();
        JsonNode ad = label(get("/api/experience?by=touchpoint").json(), "Ad").get("experience");
        assertThat(ad.get("responses").asLong()).isEqualTo(4);
        assertThat(ad.get("meanScore").asDouble()).isEqualTo((0.75 * 3 + 0.25) / 4);
        assertThat(again.json().get("imported").asLong()).as(again.body()).isZero();
        assertThat(again.json().get("duplicates").asLong()).isEqualTo(4);
    }

    @Test
    void aTouchpointOrStageWrittenInAnotherCaseIsARowErrorNamingTheStoredSpelling() {
        String before = storeState();

        Response refused = post("/api/feedback?scale=csat", "text/csv", """
                journey_id,touchpoint,stage,score
                j1,cart,,4
                j1,Cart,Consideration,4
                j1,Kart,,4
                """);

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.errorLines()).containsExactly(
                "2 touchpoint 'cart' is no stored touchpoint (names are case-sensitive: did you mean 'Cart'?)",
                "3 stage 'Consideration' is the stage of no stored touchpoint (names are case-sensitive: did you "
                        + "mean 'consideration'?)",
                "4 touchpoint 'Kart' is no stored touchpoint (names are case-sensitive)");
        assertThat(storeState()).isEqualTo(before);
    }

    @Test
    void rowsOfEmptyCellsAsExcelLeavesThemArePassedOverCountedAndLaterLinesKeptRight() {
        // Excel's semicolons; rows cleared in the middle and left at the end, some with spaces. The answers are about
        // a journey not stored, so that they stay out of the other tests' analyses.
        String header = "journey_id;touchpoint;score;comment\n";
        String before = storeState();

        Response refused = post("/api/feedback?scale=csat&delimiter=;", "text/csv",
                header + "eb-1;Ad;5;Fine\n;;;\n ; ; ;\neb-1;Ad;9;Too high\n;;4;\n;;;\n");
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.errorLines()).as("a row with a score alone is no empty row").containsExactly(
                "5 score '9' is not on the csat scale (1 to 5)",
                "6 journey_id is missing, and so is customer_id: a response needs a journey id, or a customer id "
                        + "and a timestamp");
        assertThat(storeState()).isEqualTo(before);

        Response stored = post("/api/feedback?scale=csat&delimiter=;", "text/csv",
                header + "eb-1;Ad;5;Fine\n;;;\n ; ; ;\neb-1;Cart;2;Slow\n;;;\r\n;;;\r\n");
        assertThat(stored.status()).as(stored.body()).isEqualTo(200);
        assertThat(stored.json().get("rowsRead").asLong()).isEqualTo(2);
        assertThat(stored.json().get("emptyRows").asLong()).isEqualTo(4);
        assertThat(stored.json().get("imported").asLong()).isEqualTo(2);

        Response onlyEmpty = post("/api/feedback?scale=csat&delimiter=;", "text/csv", header + ";;;\n;;;\n");
        assertThat(onlyEmpty.status()).as(onlyEmpty.body()).isEqualTo(400);
        JsonNode atHeader = onlyEmpty.json().get("errors").get(0);
        assertThat(atHeader.get("line").asLong()).isEqualTo(1);
        assertThat(atHeader.get("reason").asString()).isEqualTo("is the header, and no data row follows it (the 2 "
                + "rows after it have empty cells only, which are passed over)");
    }

    @Test
    void anAnswerNamingAJourneyAndAnotherCustomerIsStoredWithAWarningNamingItsLine() {
        // About the journey as a whole (no touchpoint), so that the other tests' touchpoints keep their answers.
        Response mixed = post("/api/feedback?scale=csat", "text/csv", """
                journey_id,customer_id,score,comment
                j1,c1,3,own customer
                j1,c9,4,another customer
                j1,,5,no customer
                not-stored,c9,2,journey not stored
                """);

        assertThat(mixed.status()).as(mixed.body()).isEqualTo(200);
        assertThat(mixed.json().get("imported").asLong()).isEqualTo(4);
        JsonNode warning = mixed.json().get("warnings").get(0);
        assertThat(mixed.json().get("warnings")).as(mixed.body()).hasSize(1);
        assertThat(warning.get("kind").asString()).isEqualTo("journey-of-another-customer");
        assertThat(warning.get("count").asLong()).isEqualTo(1);
        assertThat(warning.get("message").asString()).startsWith("1 answer names a stored journey in journey_id and "
                + "another customer in customer_id");
        assertThat(warning.get("examples")).singleElement().satisfies(example -> {
            assertThat(example.get("line").asLong()).isEqualTo(3);
            assertThat(example.get("field").asString()).isEqualTo("customer_id");
            assertThat(example.get("value").asString()).isEqualTo("c9 (journey 'j1' belongs to customer 'c1')");
        });

        Response own = post("/api/feedback?scale=csat", "text/csv", "journey_id,customer_id,score\nj1,c1,1\n");
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(own.json().get("warnings")).isEmpty();
    }

    private static JsonNode label(JsonNode answer, String label) {
        for (JsonNode row : answer.get("labels")) {
            if (row.get("label").asString().equals(label)) {
                return row;
            }
        }
        throw new AssertionError("no label " + label + " in " + answer);
    }
}
