package com.journeyexplorer.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import com.journeyexplorer.ApiTestSupport;
import com.journeyexplorer.TestData;

import tools.jackson.databind.JsonNode;

/**
 * Answers on a real log that has no purchases, stages, channels or competitors: the process-mining running example
 * imported without a purchase rule. Each answer either counts what is there or says what is missing; none silently
 * answers another question.
 */
@TestPropertySource(properties = "journeys.demo.load-on-start=false")
class PlainAnswersApiTests extends ApiTestSupport {

    @org.springframework.beans.factory.annotation.Autowired
    @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
    private org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping handlerMapping;

    static final String LOG = "pm4py-running-example/running-example.csv";

    @BeforeEach
    void importWithoutPurchaseRule() {
        if (get("/api/stats").json().get("journeys").asLong() == 0) {
            Response imported = postFile("/api/events?journeyColumn=case:concept:name&touchpointColumn=concept:name"
                    + "&timestampColumn=time:timestamp&openHorizon=0", "text/csv", TestData.file(LOG));
            assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        }
    }

    @Test
    void channelAndStageLevelsWithoutThatDataAre422ProblemsNotTouchpointAnswers() {
        for (String path : List.of("/api/paths/top?level=channel", "/api/paths/likely?level=stage&outcome=abandoned",
                "/api/transitions?level=stage", "/api/flows?level=channel", "/api/graph?level=stage",
                "/api/touchpoints/decide/neighbourhood?level=channel", "/api/attribution?level=channel",
                "/api/attribution?level=stage", "/api/compare?a=&b=&level=stage")) {
            Response response = get(path);
            assertThat(response.status()).as(path).isEqualTo(422);
            assertThat(response.contentType()).as(path).startsWith("application/problem+json");
            JsonNode problem = response.json();
            assertThat(problem.get("type").asString()).endsWith("/missing-data");
            assertThat(problem.get("parameter").asString()).isEqualTo("level");
            assertThat(problem.get("missing").asString()).isIn("channel", "stage");
            assertThat(problem.get("detail").asString()).contains("No touchpoint has a", "Column=");
        }
        assertThat(get("/api/paths/top?level=touchpoint").status()).isEqualTo(200);
    }

    @Test
    void theStageFunnelWithoutStagesSaysSoInsteadOfZeroPercentConversion() {
        Response response = get("/api/funnel");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("missing").asString()).isEqualTo("stage");
        assertThat(response.json().get("detail").asString()).contains("steps=");
    }

    @Test
    void theTouchpointFunnelCountsEventualOrderAsAnIndependentScanOfTheLogDoes() throws IOException {
        Map<String, List<String[]>> cases = casesOfTheLog();
        List<String> steps = List.of("register request", "check ticket", "decide", "reinitiate request");

        JsonNode funnel = ok("/api/funnel?steps=" + String.join(",", steps));
        JsonNode repeated = ok("/api/funnel?steps=register request&steps=check ticket&steps=decide"
                + "&steps=reinitiate request");
        JsonNode withinAWeek = ok("/api/funnel?steps=" + String.join(",", steps) + "&window=7d&windowFrom=first");
        JsonNode stepByStep = ok("/api/funnel?steps=" + String.join(",", steps) + "&window=P2D");

        assertThat(funnel.get("total").asLong()).isEqualTo(6);
        assertThat(repeated).isEqualTo(funnel);
        assertThat(withinAWeek.get("windowSeconds").asLong()).isEqualTo(7 * 86_400L);
        assertThat(withinAWeek.get("windowFrom").asString()).isEqualTo("FIRST");
        assertThat(stepByStep.get("windowSeconds").asLong()).isEqualTo(2 * 86_400L);
        assertThat(stepByStep.get("windowFrom").asString()).isEqualTo("PREVIOUS");
        for (int k = 0; k < steps.size(); k++) {
            JsonNode step = funnel.get("steps").get(k);
            assertThat(step.get("touchpoint").asString()).isEqualTo(steps.get(k));
            assertThat(step.get("journeys").asLong()).as(steps.get(k))
                    .isEqualTo(reaching(cases, steps.subList(0, k + 1), Long.MAX_VALUE));
            assertThat(withinAWeek.get("steps").get(k).get("journeys").asLong()).as(steps.get(k) + " in a week")
                    .isEqualTo(reaching(cases, steps.subList(0, k + 1), 7 * 86_400_000L));
            assertThat(stepByStep.get("steps").get(k).get("journeys").asLong()).as(steps.get(k) + " step by step")
                    .isEqualTo(reachingStepByStep(cases, steps.subList(0, k + 1), 2 * 86_400_000L));
            assertThat(step.get("purchased").asLong()).isZero();
        }
        assertThat(funnel.get("steps").get(3).get("journeys").asLong()).isPositive();
        assertThat(funnel.get("steps").get(1).get("conversion").asDouble()).isEqualTo(
                funnel.get("steps").get(1).get("journeys").asDouble() / funnel.get("steps").get(0).get("journeys")
                        .asDouble(), org.assertj.core.data.Offset.offset(1e-12));
        assertProblem(get("/api/funnel?steps=register request,teleport"), 404, "touchpoint", "teleport");
        assertProblem(get("/api/funnel?steps=decide&window=soon"), 400, "parameter", "window");
        assertProblem(get("/api/funnel?steps=decide&window=106751991168d"), 400, "parameter", "window");
        assertProblem(get("/api/funnel?steps=decide&window=7d&windowFrom=last"), 400, "parameter", "windowFrom");
        assertProblem(get("/api/funnel?steps=decide&windowFrom=first"), 400, "parameter", "windowFrom");
        assertProblem(get("/api/funnel?stages=purchase&window=7d"), 400, "parameter", "window");
        assertProblem(get("/api/funnel?steps=decide&stages=purchase"), 400, "parameter", "stages");
        assertProblem(get("/api/funnel?steps=decide&level=channel"), 400, "parameter", "level");
    }

    @Test
    void attributionWithoutPurchasesAnswersTheSameWayForEveryModel() {
        Set<String> shapes = new HashSet<>();
        for (String model : List.of("markov", "first", "last", "linear", "position", "time-decay")) {
            JsonNode answer = ok("/api/attribution?model=" + model);
            assertThat(answer.get("labels")).as(model).isEmpty();
            assertThat(answer.get("totals").get("conversions").asLong()).as(model).isZero();
            assertThat(answer.get("totals").get("journeys").asLong()).as(model).isEqualTo(6);
            assertThat(answer.get("note").asString()).as(model).contains("No selected journey ends in a purchase")
                    .as("no journey of the store ends in a purchase: importing them helps").contains("Import purchase");
            shapes.add(answer.get("labels").toString() + answer.get("totals") + answer.get("note"));
        }
        assertThat(shapes).hasSize(1);
        for (String model : List.of("markov", "linear")) {
            JsonNode compared = ok("/api/compare?a=from%3D2000-01-01&b=to%3D2100-01-01&model=" + model);
            assertThat(compared.get("a").get("attribution").get("labels")).as(model).isEmpty();
            assertThat(compared.get("b").get("attribution").get("labels")).as(model).isEmpty();
        }
        assertThat(ok("/api/attribution?model=markov").get("conversionProbability").asDouble()).isZero();
    }

    @Test
    void transitionsTakeMinJourneysAndALimitAndSayWhatWasLeftOut() {
        JsonNode all = ok("/api/transitions");
        long total = all.get("total").asLong();
        assertThat(all.get("truncated").asBoolean()).isFalse();
        assertThat(all.get("listed").asLong()).isEqualTo(total).isEqualTo(all.get("transitions").size());
        assertThat(all.get("limit").asInt()).isEqualTo(1000);

        JsonNode top3 = ok("/api/transitions?limit=3");
        assertThat(top3.get("truncated").asBoolean()).isTrue();
        assertThat(top3.get("total").asLong()).isEqualTo(total);
        assertThat(top3.get("listed").asInt()).isEqualTo(3);
        List<Long> busiest = new ArrayList<>();
        all.get("transitions").forEach(t -> busiest.add(t.get("journeys").asLong()));
        busiest.sort(Comparator.reverseOrder());
        List<Long> listed = new ArrayList<>();
        top3.get("transitions").forEach(t -> listed.add(t.get("journeys").asLong()));
        listed.sort(Comparator.reverseOrder());
        assertThat(listed).isEqualTo(busiest.subList(0, 3));

        JsonNode frequent = ok("/api/transitions?minJourneys=4");
        long expected = 0;
        for (long journeys : busiest) {
            expected += journeys >= 4 ? 1 : 0;
        }
        assertThat(frequent.get("matching").asLong()).isEqualTo(expected).isPositive().isLessThan(total);
        assertThat(frequent.get("transitions")).hasSize((int) expected)
                .allSatisfy(t -> assertThat(t.get("journeys").asLong()).isGreaterThanOrEqualTo(4));
        assertProblem(get("/api/transitions?limit=0"), 400, "parameter", "limit");
        assertProblem(get("/api/transitions?minJourneys=x"), 400, "parameter", "minJourneys");
    }

    @Test
    void likelyPathsSayHowManyJourneysTookExactlyThatPath() {
        JsonNode likely = ok("/api/paths/likely?outcome=abandoned&k=20");
        JsonNode top = ok("/api/paths/top?outcome=abandoned&limit=1000");
        Map<List<String>, Long> taken = new HashMap<>();
        top.get("variants").forEach(v -> taken.put(steps(v), v.get("journeys").asLong()));

        assertThat(likely.get("paths")).isNotEmpty();
        boolean someoneTookOne = false;
        boolean nobodyTookOne = false;
        for (JsonNode path : likely.get("paths")) {
            long journeys = path.get("journeys").asLong();
            assertThat(journeys).as(steps(path).toString()).isEqualTo(taken.getOrDefault(steps(path), 0L));
            assertThat(path.get("share").asDouble()).isEqualTo(journeys / 6.0,
                    org.assertj.core.data.Offset.offset(1e-12));
            someoneTookOne |= journeys > 0;
            nobodyTookOne |= journeys == 0;
        }
        assertThat(someoneTookOne).isTrue();
        assertThat(nobodyTookOne).as("the chain makes likely some paths no case followed").isTrue();
    }

    @Test
    void absentStagesAndChannelsAreLeftOutNotEmptyText() {
        assertThat(ok("/api/touchpoints")).isNotEmpty()
                .allSatisfy(t -> assertThat(t.has("stage") || t.has("channel")).isFalse());
        assertThat(ok("/api/dropoff").get("touchpoints")).isNotEmpty()
                .allSatisfy(t -> assertThat(t.has("stage")).isFalse());
        assertThat(ok("/api/graph").get("nodes")).allSatisfy(n -> {
            if (n.get("kind").asString().equals("touchpoint")) {
                assertThat(n.has("stage") || n.has("channel")).as(n.toString()).isFalse();
            }
        });
        JsonNode journey = ok("/api/journeys/3");
        assertThat(journey.get("steps")).allSatisfy(s -> assertThat(s.has("stage") || s.has("channel")).isFalse());
        assertThat(journey.has("device") || journey.has("segment") || journey.has("customerId"))
                .as("a journey without them: " + journey).isFalse();
        assertThat(get("/api/graph?format=graphml").body()).doesNotContain("<data key=\"stage\"></data>");
    }

    @Test
    void touchpointsImportedWithoutChannelOrStageStoreNeither() {
        try (var session = driver.session()) {
            assertThat(session.run("""
                    MATCH (t:Touchpoint {kind: 'touchpoint'})
                    RETURN count(t) AS all,
                           count(CASE WHEN t.stage IS NULL AND t.channel IS NULL THEN t END) AS bare""")
                    .single().asMap()).as("a Cypher user's t.stage IS NULL finds them")
                    .containsEntry("all", (long) ok("/api/touchpoints").size()).containsEntry("bare", 8L);
        }
    }

    @Test
    void everyNumberIsCleanedNoNegativeZeroNoFloatingPointNoise() {
        for (String path : List.of("/api/paths/likely?outcome=abandoned", "/api/paths/top", "/api/transitions",
                "/api/graph", "/api/flows", "/api/touchpoints/decide/neighbourhood", "/api/dropoff",
                "/api/summary", "/api/funnel?steps=register request,decide")) {
            Response response = get(path);
            assertThat(response.status()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).doesNotContain("-0.0");
            assertCleanNumbers(response.json(), path);
        }
        JsonNode likely = ok("/api/paths/likely?outcome=abandoned");
        likely.get("outcomeProbabilities").forEach(row -> {
            for (String outcome : List.of("purchase", "abandoned", "diverted")) {
                assertThat(row.get(outcome).asDouble()).isBetween(0.0, 1.0);
            }
        });
        assertThat(likely.get("outcomeProbabilities").get(0).get("abandoned").asDouble()).isEqualTo(1.0);
    }

    @Test
    void answersAreJsonOnlySoAnAcceptOfYamlAloneIsA406ProblemRatherThanUncleanedNumbers() {
        String path = "/api/touchpoints/decide/neighbourhood";
        Response yaml = send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/yaml").GET().build());
        assertThat(yaml.status()).as(yaml.body()).isEqualTo(406);
        assertThat(yaml.contentType()).startsWith("application/problem+json");
        assertThat(yaml.json().get("detail").asString()).contains("sent as application/json");

        Response either = send(HttpRequest.newBuilder(uri(path)).header("Accept",
                "application/yaml, application/json;q=0.5").GET().build());
        assertThat(either.status()).as(either.body()).isEqualTo(200);
        assertThat(either.contentType()).startsWith("application/json");
        assertCleanNumbers(either.json(), path);
        assertThat(get("/v3/api-docs.yaml").status()).as("the OpenAPI description in YAML").isEqualTo(200);
    }

    @Test
    void anAcceptHeaderThatRefusesJsonIsA406ProblemAtEveryEndpointAsAtTheGraphExport() {
        for (String path : List.of("/api/stats", "/api/summary", "/api/paths/top", "/api/transitions",
                "/api/touchpoints/decide/neighbourhood", "/api/graph")) {
            for (String refusing : List.of("application/json;q=0", "application/json;q=0, */*",
                    "application/problem+json", "application/*+json")) {
                Response refused = withAccept(path, refusing);
                assertThat(refused.status()).as(path + " with " + refusing + ": " + refused.body()).isEqualTo(406);
                assertThat(refused.contentType()).as(path).startsWith("application/problem+json");
                assertThat(refused.json().get("detail").asString()).as(path).contains("application/json", refusing);
            }
            for (String accepting : List.of("application/json", "*/*;q=0.1", "application/*",
                    "application/problem+json, application/json;q=0.5", "text/csv;q=0, */*", "")) {
                Response answered = withAccept(path, accepting);
                assertThat(answered.status()).as(path + " with " + accepting + ": " + answered.body())
                        .isEqualTo(200);
                assertThat(answered.contentType()).as(path + " with " + accepting).startsWith("application/json");
            }
        }
        // Refused before the parameters are read, as Spring MVC's own produces check: a bad one is not told.
        Response invalid = withAccept("/api/paths/top?k=0", "application/json;q=0");
        assertThat(invalid.status()).as(invalid.body()).isEqualTo(406);
        assertThat(invalid.contentType()).startsWith("application/problem+json");
        // A problem is sent whatever the client accepts.
        Response unknown = withAccept("/api/nonexistent", "application/json;q=0");
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
    }

    /**
     * The 406 of every answer is decided before the endpoint runs ({@link AnswerNegotiation}, on {@code /api/**}) and
     * nowhere else, which holds while every endpoint of the API is mapped there: the error controller, which sends
     * problems whatever the client accepts, is the one exception.
     */
    @Test
    void everyEndpointOfTheApiIsMappedWhereItsAcceptHeaderIsChecked() {
        List<String> elsewhere = new ArrayList<>();
        int endpoints = 0;
        for (var mapping : handlerMapping.getHandlerMethods().entrySet()) {
            if (!mapping.getValue().getBeanType().getPackageName().equals(AnswerNegotiation.class.getPackageName())
                    || mapping.getValue().getBeanType() == ProblemErrorController.class) {
                continue;
            }
            endpoints++;
            for (String pattern : mapping.getKey().getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    elsewhere.add(pattern + " " + mapping.getValue());
                }
            }
        }
        assertThat(endpoints).isGreaterThan(30);
        assertThat(elsewhere).isEmpty();
    }

    @Test
    void theOpenApiDescriptionListsThe406ProblemOfEveryEndpoint() {
        JsonNode paths = get("/v3/api-docs").json().get("paths");
        List<String> operations = new ArrayList<>();
        for (String path : names(paths.propertyNames())) {
            for (String method : names(paths.get(path).propertyNames())) {
                operations.add(method + " " + path);
                JsonNode notAcceptable = paths.get(path).get(method).get("responses").get("406");
                assertThat(notAcceptable).as(method + " " + path).isNotNull();
                assertThat(names(notAcceptable.get("content").propertyNames())).as(method + " " + path)
                        .containsExactly("application/problem+json");
                assertThat(notAcceptable.get("description").asString()).contains("Accept");
            }
        }
        assertThat(operations).contains("get /api/stats", "get /api/graph", "post /api/events",
                "post /api/predict", "delete /api/customers");
        assertThat(paths.get("/api/graph").get("get").get("responses").get("406").get("description").asString())
                .contains("format");
    }

    private static List<String> names(java.util.Collection<String> names) {
        return List.copyOf(names);
    }

    private Response withAccept(String path, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Cache-Control", "no-cache").GET();
        return send((accept.isEmpty() ? request : request.header("Accept", accept)).build());
    }

    @Test
    void theSummarySaysWhatTheDataLacksAndCountsEveryJourney() {
        JsonNode summary = ok("/api/summary");

        assertThat(summary.get("journeys").asLong()).isEqualTo(6);
        assertThat(summary.get("outcomes").get("PURCHASE").asLong()).isZero();
        assertThat(summary.get("firstSteps").get("distinct").asLong()).isEqualTo(1);
        assertThat(summary.get("firstSteps").get("top").get(0).get("label").asString()).isEqualTo("register request");
        assertThat(summary.get("endsWithoutPurchase").get("distinct").asLong()).isEqualTo(2);
        assertThat(summary.get("competitors").get("distinct").asLong()).isZero();
        List<String> lacks = new ArrayList<>();
        summary.get("lacks").forEach(lack -> {
            lacks.add(lack.get("data").asString());
            assertThat(lack.get("toGetIt").asString()).startsWith("Import").contains("Column=");
        });
        assertThat(lacks).containsExactly("purchases", "stages", "channels", "competitors");
        assertThat(summary.get("data").get("touchpoints").asInt()).isEqualTo(8);
    }

    /** Every double as CleanNumbers writes it: unchanged by rounding to 12 significant digits. */
    private static void assertCleanNumbers(JsonNode node, String where) {
        if (node.isFloatingPointNumber()) {
            double value = node.asDouble();
            double rounded = new BigDecimal(Double.toString(value)).round(new MathContext(12)).doubleValue();
            assertThat(value).as(where + ": " + node).isEqualTo(rounded);
        }
        node.forEach(child -> assertCleanNumbers(child, where));
    }

    private static List<String> steps(JsonNode path) {
        List<String> steps = new ArrayList<>();
        path.get("steps").forEach(s -> steps.add(s.asString()));
        return steps;
    }

    /** The log's cases: their (timestamp, activity) rows in time order, read straight from the CSV. */
    private static Map<String, List<String[]>> casesOfTheLog() throws IOException {
        List<String> lines = Files.readAllLines(TestData.file(LOG));
        Map<String, List<String[]>> cases = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            cases.computeIfAbsent(cells[7], key -> new ArrayList<>()).add(new String[] {cells[3], cells[1]});
        }
        DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssXXX");
        cases.values().forEach(rows -> rows.sort(Comparator.comparing(
                (String[] row) -> OffsetDateTime.parse(row[0], format).toInstant())));
        return cases;
    }

    /**
     * Cases that visit the steps in order within {@code windowMillis} of the first one, trying every start (a
     * brute force, unlike the endpoint's single pass).
     */
    private static long reaching(Map<String, List<String[]>> cases, List<String> steps, long windowMillis) {
        DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssXXX");
        long count = 0;
        for (List<String[]> rows : cases.values()) {
            boolean reached = false;
            for (int start = 0; start < rows.size() && !reached; start++) {
                if (!rows.get(start)[1].equals(steps.get(0))) {
                    continue;
                }
                long begin = OffsetDateTime.parse(rows.get(start)[0], format).toInstant().toEpochMilli();
                int next = 1;
                for (int i = start + 1; i < rows.size() && next < steps.size(); i++) {
                    long at = OffsetDateTime.parse(rows.get(i)[0], format).toInstant().toEpochMilli();
                    if (rows.get(i)[1].equals(steps.get(next)) && at - begin <= windowMillis) {
                        next++;
                    }
                }
                reached = next == steps.size();
            }
            count += reached ? 1 : 0;
        }
        return count;
    }

    /**
     * Cases that visit the steps in order with each within {@code windowMillis} of the visit before, trying every
     * choice of visits (a brute force, unlike the endpoint's single pass).
     */
    private static long reachingStepByStep(Map<String, List<String[]>> cases, List<String> steps, long windowMillis) {
        DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssXXX");
        long count = 0;
        for (List<String[]> rows : cases.values()) {
            long[] times = rows.stream().mapToLong(row -> OffsetDateTime.parse(row[0], format).toInstant()
                    .toEpochMilli()).toArray();
            count += chain(rows, times, steps, 0, -1, windowMillis) ? 1 : 0;
        }
        return count;
    }

    private static boolean chain(List<String[]> rows, long[] times, List<String> steps, int k, int previous,
            long windowMillis) {
        if (k == steps.size()) {
            return true;
        }
        for (int i = previous + 1; i < rows.size(); i++) {
            if (rows.get(i)[1].equals(steps.get(k)) && (k == 0 || times[i] - times[previous] <= windowMillis)
                    && chain(rows, times, steps, k + 1, i, windowMillis)) {
                return true;
            }
        }
        return false;
    }

    private JsonNode ok(String pathAndQuery) {
        Response response = get(pathAndQuery);
        assertThat(response.status()).as(pathAndQuery + " -> " + response.body()).isEqualTo(200);
        return response.json();
    }

    private static void assertProblem(Response response, int status, String field, String value) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get(field).asString()).isEqualTo(value);
    }
}
