package com.journeyexplorer.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.journeyexplorer.ApiTestSupport;

import tools.jackson.databind.JsonNode;

/**
 * A regular expression that backtracks without end, given to each parameter that takes one ({@code rewrite},
 * {@code competitor} of the uploads and of {@code POST /api/outcomes}, an analysis's {@code group}), against a name of
 * 36 characters that sets it off: a 400 problem naming the parameter, the expression and the name, and nothing
 * written. Unbounded, each of these requests runs for a quarter of an hour or more; the class's timeout only keeps such a
 * regression from hanging the build.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CostlyExpressionApiTests extends ApiTestSupport {

    /** Exponential in Java 17's engine: a+ repeated 2 to 40 times, each way of cutting the a's tried. */
    private static final String CATASTROPHIC = "(a+){2,40}b";
    private static final String VICTIM = "a".repeat(35) + "!";
    private static final String EVENTS = "journey_id,timestamp,touchpoint\n"
            + "costly-1,2026-05-01T10:00:00Z,Costly home\n"
            + "costly-1,2026-05-01T10:01:00Z," + VICTIM + "\n";
    /** Replaced in a name of {@link #MANY}: about 3,400,000 reads (polynomial of degree 4 in its length). */
    private static final String COSTLY_REPLACED = "(.*a){3}b";
    /** Matched against the whole of a name of {@link #MANY}: about 3,200,000 reads. */
    private static final String COSTLY_MATCHED = "(.*a){4}b";
    private static final List<String> MANY = IntStream.range(10, 70).mapToObj(i -> "a".repeat(64) + "!" + i).toList();
    private static final String MANY_NAMES = "journey_id,timestamp,touchpoint\n" + IntStream.range(0, MANY.size())
            .mapToObj(i -> "costly-many," + Instant.parse("2026-05-01T11:00:00Z").plusSeconds(60L * i) + ","
                    + MANY.get(i) + "\n")
            .collect(Collectors.joining());

    @Test
    void aRewriteRuleThatBacktracksWithoutEndIsA400NamingItAndTheNameForTheImportAndThePreview() {
        String query = "rewrite=" + encoded(CATASTROPHIC + " -> x");

        refused("/api/events?" + query, "text/csv", EVENTS, "rewrite");
        refused("/api/events/preview?" + query, "text/csv", EVENTS, "rewrite");
    }

    @Test
    void anImportJobWithSuchARewriteRuleFailsWithTheSameProblemAndWritesNothing() throws InterruptedException {
        String path = "/api/events?rewrite=" + encoded(CATASTROPHIC + " -> x");
        String before = storeState();

        Response accepted = send(HttpRequest.newBuilder(uri(path)).header("X-API-Key", API_KEY)
                .header("Content-Type", "text/csv").header("Prefer", "respond-async")
                .POST(HttpRequest.BodyPublishers.ofString(EVENTS)).build());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        JsonNode job = awaitFinished("/api/imports/" + accepted.json().get("id").asString());

        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("failed");
        JsonNode problem = job.get("problem");
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("parameter").asString()).isEqualTo("rewrite");
        assertThat(problem.get("expression").asString()).isEqualTo(CATASTROPHIC);
        assertThat(problem.get("name").asString()).isEqualTo(VICTIM);
        assertThat(storeState()).isEqualTo(before);
    }

    @Test
    void aCompetitorRuleThatBacktracksWithoutEndIsA400ForEventsAndAggregatedPaths() {
        String query = "competitor=" + encoded(CATASTROPHIC);

        refused("/api/events?" + query, "text/csv", EVENTS, "competitor");
        refused("/api/journeys/aggregated?source=costly&" + query, "text/csv",
                "path,total_conversions,total_conversion_value,total_null\nCostly home > " + VICTIM + ",1,10,2\n",
                "competitor");
    }

    @Test
    void theOutcomesCompetitorRuleAndAnAnalysisGroupThatBacktrackWithoutEndAreA400() {
        importCsv("", EVENTS);

        refused("/api/outcomes?competitor=" + encoded(CATASTROPHIC), "text/plain", "", "competitor");
        String before = storeState();
        Response paths = get("/api/paths/top?group=" + encoded("Long:" + CATASTROPHIC));
        assertThat(paths.status()).as(paths.body()).isEqualTo(400);
        assertProblem(paths, "group");
        assertThat(storeState()).isEqualTo(before);
    }

    /**
     * Rules that cost about 3,300,000 reads on each of 60 distinct names of 64 a's and a tail, under the bound of one
     * match: without a bound on the request's sum, each request below does 40 times that bound's work (minutes on a
     * store of thousands of such names). Each is the parameter's problem, after a few names, and nothing written.
     */
    @Test
    void aRuleJustUnderTheBoundOfAMatchOnManyNamesIsA400OnceTheRequestsBudgetIsSpent() {
        refusedForTheRequest("/api/events?rewrite=" + encoded(COSTLY_REPLACED + " -> x"), "text/csv", MANY_NAMES,
                "rewrite", COSTLY_REPLACED);
        refusedForTheRequest("/api/events?competitor=" + encoded(COSTLY_MATCHED), "text/csv", MANY_NAMES,
                "competitor", COSTLY_MATCHED);
        refusedForTheRequest("/api/journeys/aggregated?source=costly-many&competitor=" + encoded(COSTLY_MATCHED),
                "text/csv", "path,total_conversions,total_conversion_value,total_null\n" + String.join(" > ",
                        MANY.subList(0, 30)) + ",1,10,2\n" + String.join(" > ", MANY.subList(30, 60)) + ",2,20,1\n",
                "competitor", COSTLY_MATCHED);

        importCsv("", MANY_NAMES);
        refusedForTheRequest("/api/outcomes?competitor=" + encoded(COSTLY_MATCHED), "text/plain", "", "competitor",
                COSTLY_MATCHED);
        String before = storeState();
        Response paths = get("/api/paths/top?group=" + encoded("Long:" + COSTLY_MATCHED));
        assertThat(paths.status()).as(paths.body()).isEqualTo(400);
        assertRequestProblem(paths, "group", COSTLY_MATCHED);
        assertThat(storeState()).isEqualTo(before);
    }

    /**
     * An import job's expressions share the import's budget, as the command line's do: its problem says the bound of
     * this import was spent, not of this request (which ended when the job was accepted).
     */
    @Test
    void anImportJobWithARuleJustUnderTheBoundOnManyNamesFailsNamingTheImportsBudget() throws InterruptedException {
        String before = storeState();

        String path = "/api/events?rewrite=" + encoded(COSTLY_REPLACED + " -> x");
        Response accepted = send(HttpRequest.newBuilder(uri(path))
                .header("X-API-Key", API_KEY).header("Content-Type", "text/csv").header("Prefer", "respond-async")
                .POST(HttpRequest.BodyPublishers.ofString(MANY_NAMES)).build());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        JsonNode job = awaitFinished("/api/imports/" + accepted.json().get("id").asString());

        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("failed");
        JsonNode problem = job.get("problem");
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("type").asString()).endsWith("/invalid-parameter");
        assertThat(problem.get("parameter").asString()).isEqualTo("rewrite");
        assertThat(problem.get("expression").asString()).isEqualTo(COSTLY_REPLACED);
        assertThat(problem.get("instance").asString()).isEqualTo("/api/events");
        assertThat(problem.get("detail").asString()).contains("the regular expressions of this import had made more "
                + "than 5,000,000 steps and 2,000 a character of the names they matched").doesNotContain("request");
        assertThat(storeState()).isEqualTo(before);
    }

    /**
     * A competitor expression matches a page's address as written as well as the page it is cleaned to, and an
     * address repeats on many rows: it is matched once, not once a row. Here one match of the address costs about
     * 3,600,000 reads, so a second one would spend the request's budget; three journeys visiting it import.
     */
    @Test
    void aCompetitorRuleMatchesAnAddressWrittenOnManyRowsOnce() {
        String address = "https://shop.example/p?q=" + "a".repeat(68);
        String events = "journey_id,timestamp,touchpoint\n" + IntStream.range(0, 3)
                .mapToObj(i -> "written-" + i + ",2026-05-02T10:00:00Z," + address + "\n").collect(Collectors.joining());

        Response response = post("/api/events?urls=path&openHorizon=0&competitor=" + encoded(COSTLY_MATCHED),
                "text/csv", events);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("eventsImported").asLong()).isEqualTo(3);
    }

    /**
     * The rewrite rule cleans each competitor name once, for the rule, and the report reuses what it cleaned to. Here
     * the rule costs about 3,400,000 reads on the competitor name, which the request's budget affords once and not
     * twice (the rows name other pages): the upload imports and its report counts each name's events.
     */
    @Test
    void aCompetitorNameTheRewriteRulesCleanIsCleanedOnceForTheRuleAndTheReport() {
        String rival = MANY.get(0);
        String events = "journey_id,timestamp,touchpoint\n"
                + "rival-1,2026-05-03T10:00:00Z,Home\n"
                + "rival-1,2026-05-03T10:01:00Z,Rival shop\n";

        Response response = post("/api/events?openHorizon=0&rewrite=" + encoded(COSTLY_REPLACED + " -> x")
                + "&competitor=" + encoded(rival + ",Rival shop"), "text/csv", events);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode competitor = null;
        for (JsonNode rule : response.json().get("outcomeRules")) {
            if (rule.get("rule").asString().equals("competitor")) {
                competitor = rule;
            }
        }
        assertThat(competitor).as(response.body()).isNotNull();
        assertThat(competitor.get("matchedEvents").asLong()).isEqualTo(1);
        assertThat(competitor.get("names").get(0).get("name").asString()).isEqualTo(rival);
        assertThat(competitor.get("names").get(0).get("matchedEvents").asLong()).isZero();
        assertThat(competitor.get("names").get(1).get("name").asString()).isEqualTo("Rival shop");
        assertThat(competitor.get("names").get(1).get("matchedEvents").asLong()).isEqualTo(1);
    }

    /** Posts {@code body} to {@code path}, expects the request's problem of {@code parameter}, an unchanged store. */
    private void refusedForTheRequest(String path, String contentType, String body, String parameter,
            String expression) {
        String before = storeState();
        Response response = post(path, contentType, body);
        assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(400);
        assertRequestProblem(response, parameter, expression);
        assertThat(storeState()).as(path).isEqualTo(before);
    }

    private static void assertRequestProblem(Response response, String parameter, String expression) {
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("type").asString()).endsWith("/invalid-parameter");
        assertThat(problem.get("parameter").asString()).isEqualTo(parameter);
        assertThat(problem.get("expression").asString()).isEqualTo(expression);
        String name = problem.get("name").asString();
        assertThat(MANY).contains(name);
        assertThat(problem.get("detail").asString()).contains("'" + parameter + "' has the regular expression '"
                + expression + "', which was stopped matching the name '" + name + "': the regular expressions of "
                + "this request had made more than 5,000,000 steps and 2,000 a character of the names they matched",
                "rewrite the expression");
    }

    /** Posts {@code body} to {@code path}, expects the problem of {@code parameter} and an unchanged store. */
    private void refused(String path, String contentType, String body, String parameter) {
        String before = storeState();
        Response response = post(path, contentType, body);
        assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(400);
        assertProblem(response, parameter);
        assertThat(storeState()).as(path).isEqualTo(before);
    }

    private static void assertProblem(Response response, String parameter) {
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("parameter").asString()).isEqualTo(parameter);
        assertThat(problem.get("expression").asString()).isEqualTo(CATASTROPHIC);
        assertThat(problem.get("name").asString()).isEqualTo(VICTIM);
        assertThat(problem.get("detail").asString()).contains("'" + parameter + "' has the regular expression '"
                + CATASTROPHIC + "', which was stopped after 5,000,000 steps matching the name '" + VICTIM + "'",
                "rewrite the expression");
    }

    /** Polls a job until it has finished (a bound for a hung job, not a timing assertion). */
    private JsonNode awaitFinished(String location) throws InterruptedException {
        for (int i = 0; i < 1200; i++) {
            JsonNode job = get(location).json();
            if (List.of("done", "failed", "cancelled").contains(job.get("status").asString())) {
                return job;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("job " + location + " did not finish: " + get(location).body());
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
