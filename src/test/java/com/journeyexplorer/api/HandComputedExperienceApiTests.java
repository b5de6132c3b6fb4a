package com.journeyexplorer.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.journeyexplorer.ApiTestSupport;
import com.journeyexplorer.analysis.stats.PseudoScores;

import tools.jackson.databind.JsonNode;

/**
 * Every figure of the experience answers over HTTP on a data set small enough to compute by hand: NPS answers at the
 * boundaries 6 to 10, CSAT 1 to 4, sentiment -0.25, 0 and 0.25, a CES and two rating answers, several scales at one
 * touchpoint, answers about the journey as a whole and about a stage only, an answer about a touchpoint its journey
 * never visited, one about a journey not stored, one given on an event, and answers joined by customer and time
 * (two journeys in force at once, and a journey that ended half an hour before). Journeys (all finished):
 *
 * <pre>
 * j1  (A) Home, Cart, Pay*                       purchase
 * j2  (A) Home, Cart, Cart!, Cart!               abandoned (! frustration events)
 * j3  (B) Home, Chat                             abandoned
 * j4  (A) Home, Cart, Pay*                       purchase
 * j5  (B) Ghost                                  abandoned
 * j6a (B) Home, Cart (a CSAT 4 on the Cart event) abandoned, 15:00 to 15:10
 * j6b (B) Home, Chat                             abandoned, 15:00 to 15:10 (customer c6 as j6a)
 * j6c (B) Home, Pay*                             purchase, 15:50 to 16:00
 * </pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HandComputedExperienceApiTests extends ApiTestSupport {

    /** The z of a 95% interval. */
    private static final double Z = 1.959963984540054;
    /** The answers carry 12 significant digits. */
    private static final double DIGITS = 1e-9;

    @BeforeAll
    void importJourneysAndAnswers() {
        Response events = post("/api/events?openHorizon=0", "text/csv", """
                journey_id,customer_id,timestamp,touchpoint,channel,stage,type,segment,score,scale,comment
                j1,c1,2026-03-01T10:00:00Z,Home,web,awareness,touchpoint,A,,,
                j1,c1,2026-03-01T10:05:00Z,Cart,web,consideration,touchpoint,A,,,
                j1,c1,2026-03-01T10:10:00Z,Pay,web,purchase,purchase,A,,,
                j2,c2,2026-03-01T11:00:00Z,Home,web,awareness,touchpoint,A,,,
                j2,c2,2026-03-01T11:05:00Z,Cart,web,consideration,touchpoint,A,,,
                j2,c2,2026-03-01T11:06:00Z,Cart,web,consideration,frustration,A,,,
                j2,c2,2026-03-01T11:07:00Z,Cart,web,consideration,frustration,A,,,
                j3,c3,2026-03-01T12:00:00Z,Home,web,awareness,touchpoint,B,,,
                j3,c3,2026-03-01T12:05:00Z,Chat,support,consideration,touchpoint,B,,,
                j4,c4,2026-03-01T13:00:00Z,Home,web,awareness,touchpoint,A,,,
                j4,c4,2026-03-01T13:05:00Z,Cart,web,consideration,touchpoint,A,,,
                j4,c4,2026-03-01T13:10:00Z,Pay,web,purchase,purchase,A,,,
                j5,c5,2026-03-01T14:00:00Z,Ghost,social,awareness,touchpoint,B,,,
                j6a,c6,2026-03-01T15:00:00Z,Home,web,awareness,touchpoint,B,,,
                j6a,c6,2026-03-01T15:10:00Z,Cart,web,consideration,touchpoint,B,4,csat,ok cart
                j6b,c6,2026-03-01T15:00:00Z,Home,web,awareness,touchpoint,B,,,
                j6b,c6,2026-03-01T15:10:00Z,Chat,support,consideration,touchpoint,B,,,
                j6c,c6,2026-03-01T15:50:00Z,Home,web,awareness,touchpoint,B,,,
                j6c,c6,2026-03-01T16:00:00Z,Pay,web,purchase,purchase,B,,,
                """);
        assertThat(events.status()).as(events.body()).isIn(200, 201);
        Response answers = post("/api/feedback", "text/csv", """
                response_id,journey_id,customer_id,timestamp,touchpoint,stage,score,scale,comment
                r1,j1,,2026-03-01T10:01:00Z,Home,,10,nps,love it
                r2,j1,,2026-03-01T10:06:00Z,Cart,,9,nps,
                r3,j1,,2026-03-01T10:11:00Z,Pay,,8,nps,fine
                r4,j2,,2026-03-01T11:05:00Z,Cart,,7,nps,ok
                r5,j2,,2026-03-01T11:06:00Z,Cart,,6,nps,meh
                r6,j2,,2026-03-01T11:07:00Z,Cart,,1,csat,awful
                r7,j2,,2026-03-01T11:08:00Z,Cart,,2,csat,bad
                r8,j4,,2026-03-01T13:05:00Z,Cart,,3,csat,so so
                r9,j4,,2026-03-01T13:06:00Z,Cart,,4,csat,good
                r10,j3,,2026-03-01T12:05:00Z,Chat,,-0.25,sentiment,slow chat
                r11,j3,,2026-03-01T12:06:00Z,Chat,,0,sentiment,neutral
                r12,j3,,2026-03-01T12:07:00Z,Chat,,0.25,sentiment,nice chat
                r13,j1,,,,,5,csat,whole journey
                r14,j1,,,,purchase,5,csat,
                r15,j4,,,Ghost,,1,ces,never saw it
                r16,jX,,,Home,,0,nps,lost soul
                r17,,c6,2026-03-01T15:05:00Z,Home,,2,rating,tie
                r18,,c6,2026-03-01T16:30:00Z,Pay,,5,rating,after
                """);
        assertThat(answers.status()).as(answers.body()).isEqualTo(200);
        // r16 names a journey not stored; r17 goes to the greater id of the two journeys in force (j6b); r18 to j6c.
        assertThat(answers.json().get("matched").asLong()).isEqualTo(17);
        assertThat(answers.json().get("unmatched").asLong()).isEqualTo(1);
    }

    @Test
    void everyFigureByTouchpointIsTheHandComputedOne() {
        Response response = get("/api/experience?by=touchpoint&comments=5");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode answer = response.json();
        // Home: r1 (NPS 10: 1, promoter) and r17 (rating 2: 0.25, negative); every journey but j5 visits it.
        JsonNode home = label(answer, "Home");
        assertSummary(home.get("experience"), 1.0, 0.25);
        assertShares(home.get("experience"), 1, 1, 2);
        assertNps(home.get("experience"), 1, 1, 0);
        assertThat(home.get("visits").asLong()).isEqualTo(7);
        assertThat(comments(home)).containsExactly("tie");
        // Cart: NPS 9, 7, 6 (0.9 promoter, 0.7 passive, 0.6 detractor), CSAT 1, 2, 3, 4 (0, 0.25 negative; 0.5;
        // 0.75 positive) and the CSAT 4 given on j6a's event; 4 visits and 2 frustration events (j2).
        JsonNode cart = label(answer, "Cart");
        assertSummary(cart.get("experience"), 0.9, 0.7, 0.6, 0, 0.25, 0.5, 0.75, 0.75);
        assertShares(cart.get("experience"), 3, 3, 8);
        assertNps(cart.get("experience"), 3, 1, 1);
        assertThat(cart.get("visits").asLong()).isEqualTo(4);
        assertThat(cart.get("frustrationEvents").asLong()).isEqualTo(2);
        assertThat(cart.get("frustrationPer100Visits").asDouble()).isEqualTo(50.0);
        // Only the negative answers' comments, newest first (the passive's "ok" and "so so" are not negative).
        assertThat(comments(cart)).containsExactly("bad", "awful", "meh");
        // Pay: NPS 8 (passive) and rating 5 (positive, 30 minutes after j6c ended).
        JsonNode pay = label(answer, "Pay");
        assertSummary(pay.get("experience"), 0.8, 1.0);
        assertShares(pay.get("experience"), 1, 0, 2);
        assertNps(pay.get("experience"), 1, 0, 0);
        assertThat(comments(pay)).isEmpty();
        // Chat: sentiment -0.25, 0, 0.25 normalize to 0.375 (negative), 0.5, 0.625 (positive); no NPS answers.
        JsonNode chat = label(answer, "Chat");
        assertSummary(chat.get("experience"), 0.375, 0.5, 0.625);
        assertShares(chat.get("experience"), 1, 1, 3);
        assertThat(chat.get("experience").has("nps")).isFalse();
        assertThat(comments(chat)).containsExactly("slow chat");
        // Ghost: j4's CES 1 about a page j4 never visited; its one visit is j5's.
        JsonNode ghost = label(answer, "Ghost");
        assertSummary(ghost.get("experience"), 0.0);
        assertThat(ghost.get("visits").asLong()).isEqualTo(1);
        assertThat(comments(ghost)).containsExactly("never saw it");
        // Overall: the 16 answers above, r13 (the journey as a whole) and r14 (the purchase stage), both CSAT 5.
        JsonNode overall = answer.get("overall");
        assertSummary(overall, 1.0, 0.25, 0.9, 0.7, 0.6, 0, 0.25, 0.5, 0.75, 0.75, 0.8, 1.0, 0.375, 0.5, 0.625, 0.0,
                1.0, 1.0);
        assertShares(overall, 8, 6, 18);
        assertNps(overall, 5, 2, 1);
        assertThat(answer.get("visits").asLong()).isEqualTo(17);
        assertThat(answer.get("frustrationEvents").asLong()).isEqualTo(2);
    }

    @Test
    void stagesAndChannelsAddUpTheirTouchpointsAnswers() {
        JsonNode byStage = get("/api/experience?by=stage").json();

        // awareness: Home and Ghost; consideration: Cart and Chat; purchase: Pay and r14.
        assertSummary(label(byStage, "awareness").get("experience"), 1.0, 0.25, 0.0);
        assertThat(label(byStage, "awareness").get("visits").asLong()).isEqualTo(8);
        assertSummary(label(byStage, "consideration").get("experience"), 0.9, 0.7, 0.6, 0, 0.25, 0.5, 0.75, 0.75,
                0.375, 0.5, 0.625);
        assertThat(label(byStage, "consideration").get("visits").asLong()).isEqualTo(6);
        assertThat(label(byStage, "consideration").get("frustrationPer100Visits").asDouble())
                .isCloseTo(100.0 * 2 / 6, within(DIGITS));
        assertSummary(label(byStage, "purchase").get("experience"), 0.8, 1.0, 1.0);

        JsonNode byChannel = get("/api/experience?by=channel").json();
        assertSummary(label(byChannel, "web").get("experience"), 1.0, 0.25, 0.9, 0.7, 0.6, 0, 0.25, 0.5, 0.75,
                0.75, 0.8, 1.0);
        assertThat(label(byChannel, "web").get("visits").asLong()).isEqualTo(14);
        assertSummary(label(byChannel, "support").get("experience"), 0.375, 0.5, 0.625);
        assertSummary(label(byChannel, "social").get("experience"), 0.0);
    }

    @Test
    void aFilterWithoutAnsweredJourneysAndATouchpointWithoutVisitsAreSaidSo() {
        JsonNode none = get("/api/experience?segment=Z").json();

        assertThat(none.get("overall").get("responses").asLong()).isZero();
        assertThat(none.get("labels")).isEmpty();
        assertThat(none.get("answer").asString()).isEqualTo("No journey matches the filters, so no answer is about "
                + "them.");

        JsonNode segmentA = get("/api/experience?segment=A").json();
        JsonNode ghost = label(segmentA, "Ghost");
        assertThat(ghost.get("visits").asLong()).isZero();
        assertThat(ghost.path("frustrationPer100Visits").isNull() || ghost.path("frustrationPer100Visits")
                .isMissingNode()).as(ghost.toString()).isTrue();
        assertThat(segmentA.get("overall").get("responses").asLong()).isEqualTo(12);
    }

    @Test
    void painPointsShowEveryTermOfTheirCost() {
        JsonNode painPoints = get("/api/experience/painpoints?minResponses=1").json().get("painPoints");

        // Pay has neither a negative answer nor a frustration event, so it is left out.
        assertThat(painPoints).extracting(row -> row.get("touchpoint").asString())
                .containsExactly("Home", "Cart", "Ghost", "Chat");
        // Home: 1 of 2 negative, 7 journeys of which j2, j3, j6a, j6b lost.
        assertPainPoint(painPoints.get(0), 0.5, 0.0, 7, 4, 0.5 * 7 * 4 / 7);
        // Cart: 3 of 8 negative, 2 frustration events in 4 visits: 1 - (5/8)(1/2) bad; 4 journeys, j2 and j6a lost.
        assertPainPoint(painPoints.get(1), 3.0 / 8, 0.5, 4, 2, (1 - 5.0 / 8 / 2) * 4 * 2 / 4);
        assertPainPoint(painPoints.get(2), 1.0, 0.0, 1, 1, 1.0);
        assertPainPoint(painPoints.get(3), 1.0 / 3, 0.0, 2, 2, 2.0 / 3);
    }

    @Test
    void driversCompareThePurchaseRatesOfPositiveAndNegativeJourneys() {
        JsonNode drivers = get("/api/experience/drivers").json().get("drivers");

        // Home: j1 positive and bought, j6b negative and did not. Cart: j1, j4 (3 then 4: +1) and j6a positive, two
        // bought; j2 (0 - 1 - 1 - 1) negative. Pay has no negative journey, Chat's j3 sums to 0, Ghost no positive.
        assertThat(drivers).extracting(row -> row.get("touchpoint").asString()).containsExactly("Home", "Cart");
        JsonNode home = drivers.get(0);
        JsonNode cart = drivers.get(1);
        assertThat(List.of(home.get("positiveJourneys").asLong(), home.get("positivePurchases").asLong(),
                home.get("negativeJourneys").asLong(), home.get("negativePurchases").asLong()))
                .containsExactly(1L, 1L, 1L, 0L);
        assertThat(List.of(cart.get("positiveJourneys").asLong(), cart.get("positivePurchases").asLong(),
                cart.get("negativeJourneys").asLong(), cart.get("negativePurchases").asLong()))
                .containsExactly(3L, 2L, 1L, 0L);
        assertThat(cart.get("difference").asDouble()).isCloseTo(2.0 / 3, within(DIGITS));
        // Pooled z-tests: Home 1 / √(1/4 · 2), Cart (2/3) / √(1/4 · 4/3); Benjamini-Hochberg over the two.
        double homeP = twoSidedP(1 / Math.sqrt(0.5));
        double cartP = twoSidedP(2.0 / 3 / Math.sqrt(1.0 / 3));
        assertThat(home.get("pValue").asDouble()).isCloseTo(homeP, within(1e-6));
        assertThat(cart.get("pValue").asDouble()).isCloseTo(cartP, within(1e-6));
        assertThat(home.get("adjustedPValue").asDouble()).isCloseTo(Math.min(2 * homeP, cartP), within(1e-6));
        assertThat(cart.get("adjustedPValue").asDouble()).isCloseTo(cartP, within(1e-6));
    }

    @Test
    void pathsFunnelGraphAndCompareCarryTheAnswersOfTheirJourneys() {
        // j1: 1, 0.9, 0.8, 1, 1; j2: 0.7, 0.6, 0, 0.25; j3: 0.375, 0.5, 0.625; j4: 0.5, 0.75, 0; j6a: 0.75;
        // j6b: 0.25; j6c: 1.
        JsonNode variants = get("/api/paths/top?limit=20").json().get("variants");
        JsonNode homeCartPay = variant(variants, "Home", "Cart", "Pay");
        assertThat(homeCartPay.get("responses").asLong()).isEqualTo(8);
        assertThat(homeCartPay.get("meanScore").asDouble()).isCloseTo((4.7 + 1.25) / 8, within(DIGITS));
        assertThat(variant(variants, "Home", "Chat").get("meanScore").asDouble())
                .isCloseTo((1.5 + 0.25) / 4, within(DIGITS));
        assertThat(variant(variants, "Ghost").has("responses")).isFalse();

        JsonNode stages = get("/api/funnel?stages=awareness,consideration,purchase").json().get("stages");
        assertThat(stages.get(1).get("responses").asLong()).isEqualTo(17);
        assertThat(stages.get(1).get("meanScore").asDouble())
                .isCloseTo((4.7 + 1.55 + 1.5 + 1.25 + 0.75 + 0.25) / 17, within(DIGITS));
        assertThat(stages.get(2).get("responses").asLong()).isEqualTo(9);
        assertThat(stages.get(2).get("meanScore").asDouble()).isCloseTo((4.7 + 1.25 + 1) / 9, within(DIGITS));

        JsonNode compare = get("/api/compare?a=segment%3DA&b=segment%3DB").json().get("experience");
        double[] a = {1, 0.9, 0.8, 1, 1, 0.7, 0.6, 0, 0.25, 0.5, 0.75, 0};
        double[] b = {0.375, 0.5, 0.625, 0.75, 0.25, 1};
        assertThat(compare.get("a").get("meanScore").asDouble()).isCloseTo(mean(a), within(DIGITS));
        assertThat(compare.get("b").get("meanScore").asDouble()).isCloseTo(mean(b), within(DIGITS));
        double half = Z * Math.sqrt(PseudoScores.meanVariance(a, Z) + PseudoScores.meanVariance(b, Z));
        assertThat(compare.get("difference").get("lower").asDouble())
                .isCloseTo(mean(a) - mean(b) - half, within(DIGITS));
        assertThat(compare.get("difference").get("upper").asDouble())
                .isCloseTo(mean(a) - mean(b) + half, within(DIGITS));
    }

    @Test
    void answersAboutATouchpointMoveWithItsStage() {
        try {
            assertThat(putStage("Cart", "purchase").status()).isEqualTo(200);

            JsonNode byStage = get("/api/experience?by=stage").json();

            // Cart's eight answers (seven from the survey file, one given on an event) now count under purchase,
            // with its visits and frustration events; consideration keeps Chat's.
            assertSummary(label(byStage, "purchase").get("experience"), 0.8, 1.0, 1.0, 0.9, 0.7, 0.6, 0, 0.25, 0.5,
                    0.75, 0.75);
            assertThat(label(byStage, "purchase").get("visits").asLong()).isEqualTo(3 + 4);
            assertThat(label(byStage, "purchase").get("frustrationEvents").asLong()).isEqualTo(2);
            assertSummary(label(byStage, "consideration").get("experience"), 0.375, 0.5, 0.625);
            assertThat(label(byStage, "consideration").get("visits").asLong()).isEqualTo(2);
        } finally {
            assertThat(putStage("Cart", "consideration").status()).isEqualTo(200);
        }
    }

    private Response putStage(String touchpoint, String stage) {
        return send(HttpRequest.newBuilder(uri("/api/touchpoints/" + touchpoint)).header("X-API-Key", API_KEY)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"stage\": \"" + stage + "\"}")).build());
    }

    /** Responses, mean, and the interval with pseudo-scores ([0, 1] below two answers) of {@code scores}. */
    private static void assertSummary(JsonNode experience, double... scores) {
        assertThat(experience.get("responses").asLong()).as(experience.toString()).isEqualTo(scores.length);
        double mean = mean(scores);
        assertThat(experience.get("meanScore").asDouble()).as(experience.toString()).isCloseTo(mean, within(DIGITS));
        double[] interval = PseudoScores.interval(scores, Z);
        assertThat(experience.get("meanInterval").get("lower").asDouble()).as(experience.toString())
                .isCloseTo(interval[0], within(DIGITS));
        assertThat(experience.get("meanInterval").get("upper").asDouble()).as(experience.toString())
                .isCloseTo(interval[1], within(DIGITS));
    }

    private static void assertShares(JsonNode experience, int positive, int negative, int n) {
        assertThat(experience.get("positiveShare").asDouble()).isCloseTo((double) positive / n, within(DIGITS));
        assertThat(experience.get("negativeShare").asDouble()).isCloseTo((double) negative / n, within(DIGITS));
    }

    /** NPS = 100 (p - d), its interval that of the answers scored 1, 0.5 and 0 ([-100, 100] below two answers). */
    private static void assertNps(JsonNode experience, int n, int promoters, int detractors) {
        JsonNode nps = experience.get("nps");
        assertThat(List.of(nps.get("responses").asLong(), nps.get("promoters").asLong(),
                nps.get("detractors").asLong())).containsExactly((long) n, (long) promoters, (long) detractors);
        double p = (double) promoters / n;
        double d = (double) detractors / n;
        double score = 100 * (p - d);
        assertThat(nps.get("score").asDouble()).isCloseTo(score, within(DIGITS));
        double[] interval = PseudoScores.npsInterval(n, promoters, detractors, Z);
        assertThat(nps.get("interval").get("lower").asDouble()).isCloseTo(interval[0], within(1e-7));
        assertThat(nps.get("interval").get("upper").asDouble()).isCloseTo(interval[1], within(1e-7));
    }

    private static void assertPainPoint(JsonNode row, double negativeShare, double frustrationRate, long journeys,
            long lost, double cost) {
        assertThat(row.get("negativeShare").asDouble()).as(row.toString()).isCloseTo(negativeShare, within(DIGITS));
        assertThat(row.get("frustrationRate").asDouble()).as(row.toString()).isCloseTo(frustrationRate,
                within(DIGITS));
        assertThat(row.get("badExperience").asDouble()).as(row.toString())
                .isCloseTo(1 - (1 - negativeShare) * (1 - frustrationRate), within(DIGITS));
        assertThat(row.get("journeys").asLong()).as(row.toString()).isEqualTo(journeys);
        assertThat(row.get("lostJourneys").asLong()).as(row.toString()).isEqualTo(lost);
        assertThat(row.get("cost").asDouble()).as(row.toString()).isCloseTo(cost, within(DIGITS));
    }

    private static double mean(double... xs) {
        double sum = 0;
        for (double x : xs) {
            sum += x;
        }
        return sum / xs.length;
    }

    /** 2 (1 - Φ(|z|)), Φ by the Abramowitz-Stegun 7.1.26 erf (error below 1.5e-7). */
    private static double twoSidedP(double z) {
        double x = Math.abs(z) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * x);
        double erf = 1 - t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027
                + t * 1.061405429)))) * Math.exp(-x * x);
        return 1 - erf;
    }

    private static List<String> comments(JsonNode row) {
        List<String> comments = new ArrayList<>();
        row.get("comments").forEach(comment -> comments.add(comment.get("comment").asString()));
        return comments;
    }

    private static JsonNode label(JsonNode answer, String label) {
        for (JsonNode row : answer.get("labels")) {
            if (row.get("label").asString().equals(label)) {
                return row;
            }
        }
        throw new AssertionError("no row " + label + " in " + answer);
    }

    private static JsonNode variant(JsonNode variants, String... steps) {
        for (JsonNode variant : variants) {
            List<String> names = new ArrayList<>();
            variant.get("steps").forEach(step -> names.add(step.asString()));
            if (names.equals(List.of(steps))) {
                return variant;
            }
        }
        throw new AssertionError("no variant " + List.of(steps) + " in " + variants);
    }
}
