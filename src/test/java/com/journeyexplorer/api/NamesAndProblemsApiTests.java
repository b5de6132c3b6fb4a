package com.journeyexplorer.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

import com.journeyexplorer.ApiTestSupport;

import tools.jackson.databind.JsonNode;

/**
 * Touchpoint names as real logs have them (URL paths, percent signs, question marks, hashes, plus signs, commas) in
 * paths and queries, and every error, the container's own included, as an RFC 9457 problem.
 */
@TestPropertySource(properties = "journeys.demo.load-on-start=false")
@ExtendWith(OutputCaptureExtension.class)
class NamesAndProblemsApiTests extends ApiTestSupport {

    static final List<String> NAMES = List.of("/google+redesign/apparel", "50% off?", "#top", "Sale, 2 for 1");

    @BeforeEach
    void importNames() {
        if (get("/api/stats").json().get("journeys").asLong() > 0) {
            return;
        }
        String csv = """
                journey_id,timestamp,touchpoint,type
                n1,2026-03-01T10:00:00Z,/google+redesign/apparel,
                n1,2026-03-01T10:01:00Z,50% off?,
                n1,2026-03-01T10:02:00Z,#top,
                n1,2026-03-01T10:03:00Z,"Sale, 2 for 1",
                n1,2026-03-01T10:04:00Z,Checkout,purchase
                n2,2026-03-02T10:00:00Z,/google+redesign/apparel,
                n2,2026-03-02T10:01:00Z,#top,
                n2,2026-03-02T10:02:00Z,50% off?,
                n3,2026-03-03T10:00:00Z,50% off?,
                n3,2026-03-03T10:05:00Z,"Sale, 2 for 1",
                n3,2026-03-03T10:09:00Z,Checkout,purchase
                """;
        Response imported = post("/api/events?openHorizon=0", "text/csv", csv);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    }

    @Test
    void idsThatNoPathCanCarryAreReadAndErasedByQueryParameter() {
        String id = "x;jsessionid=1\\..";
        Response imported = post("/api/events?openHorizon=0", "text/csv",
                "journey_id,customer_id,timestamp,touchpoint\n\"" + id + "\",\"" + id
                        + "\",2026-03-05T10:00:00Z,#top\n");
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);

        Response journey = getRaw("/api/journeys?id=" + encode(id));
        assertThat(journey.status()).as(journey.body()).isEqualTo(200);
        assertThat(journey.json().get("id").asString()).isEqualTo(id);
        assertThat(get("/api/journeys").status()).as("the id is required").isEqualTo(400);

        Response erased = send(HttpRequest.newBuilder(uri("/api/customers?id=" + encode(id))).DELETE()
                .header("X-API-Key", API_KEY).build());
        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        assertThat(erased.json().get("journeysErased").asLong()).isEqualTo(1);
        assertThat(getRaw("/api/journeys?id=" + encode(id)).status()).isEqualTo(404);
    }

    @Test
    void namesWithSlashesPercentQuestionMarkHashAndPlusWorkInThePathAndInTheQuery() {
        for (String name : NAMES) {
            Response inPath = getRaw("/api/touchpoints/" + encode(name) + "/neighbourhood?before=1&after=1");
            Response inQuery = getRaw("/api/touchpoints/neighbourhood?touchpoint=" + encode(name)
                    + "&before=1&after=1");

            assertThat(inPath.status()).as(name + ": " + inPath.body()).isEqualTo(200);
            assertThat(inPath.json().get("label").asString()).isEqualTo(name);
            assertThat(inQuery.status()).as(name + ": " + inQuery.body()).isEqualTo(200);
            assertThat(inQuery.json()).isEqualTo(inPath.json());
        }
        // a plus sign in a path is a plus sign, not a space
        Response plus = getRaw("/api/touchpoints/%2Fgoogle+redesign%2Fapparel/neighbourhood");
        assertThat(plus.status()).as(plus.body()).isEqualTo(200);
        assertThat(plus.json().get("journeys").asLong()).isEqualTo(2);
        Response unknown = getRaw("/api/touchpoints/neighbourhood?touchpoint=" + encode("/google redesign"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("touchpoint").asString()).isEqualTo("/google redesign");
        Response missing = getRaw("/api/touchpoints/neighbourhood");
        assertProblem(missing, 400);
        assertThat(missing.json().get("detail").asString())
                .isEqualTo("Parameter 'touchpoint' is required: the name of one touchpoint (or shaped label), "
                        + "e.g. ?touchpoint=Cart");
        Response twice = getRaw("/api/touchpoints/neighbourhood?touchpoint=Home&touchpoint=Cart");
        assertProblem(twice, 400);
        assertThat(twice.json().get("detail").asString())
                .isEqualTo("Parameter 'touchpoint' must name one touchpoint (or shaped label), given 2 times");
    }

    @Test
    void anUnknownNeighbourhoodTouchpointListsTheKnownLabelsAndNamesTheQueryParameterThatGaveIt() {
        Response inQuery = getRaw("/api/touchpoints/neighbourhood?touchpoint=Chekout");
        assertProblem(inQuery, 404);
        assertThat(inQuery.json().get("touchpoint").asString()).isEqualTo("Chekout");
        assertThat(inQuery.json().get("parameter").asString()).isEqualTo("touchpoint");
        assertThat(inQuery.json().get("known").valueStream().map(JsonNode::asString).toList())
                .containsExactly("#top", "/google+redesign/apparel", "50% off?", "Checkout", "Sale, 2 for 1");
        assertThat(inQuery.json().get("detail").asString()).contains("known: #top, ");

        Response inPath = getRaw("/api/touchpoints/Chekout/neighbourhood");
        assertProblem(inPath, 404);
        assertThat(inPath.json().has("parameter")).as("a name from the path names no parameter").isFalse();
        assertThat(inPath.json().get("known")).isEqualTo(inQuery.json().get("known"));

        // With shaping, the known names are the shaped labels the name is looked up among.
        Response grouped = getRaw("/api/touchpoints/neighbourhood?touchpoint=" + encode("Sale, 2 for 1")
                + "&group=" + encode("Offers:(50% off\\?|Sale, 2 for 1)"));
        assertProblem(grouped, 404);
        assertThat(grouped.json().get("known").valueStream().map(JsonNode::asString).toList())
                .containsExactly("#top", "/google+redesign/apparel", "Checkout", "Offers");
    }

    @Test
    void aRepeatedStepsParameterCarriesNamesWithCommas() {
        Response funnel = getRaw("/api/funnel?steps=" + encode("50% off?") + "&steps=" + encode("Sale, 2 for 1")
                + "&steps=Checkout&window=10m");

        assertThat(funnel.status()).as(funnel.body()).isEqualTo(200);
        JsonNode steps = funnel.json().get("steps");
        assertThat(steps.get(1).get("touchpoint").asString()).isEqualTo("Sale, 2 for 1");
        assertThat(steps.get(0).get("journeys").asLong()).isEqualTo(3);
        assertThat(steps.get(1).get("journeys").asLong()).isEqualTo(2);
        assertThat(steps.get(2).get("journeys").asLong()).isEqualTo(2);
        assertThat(steps.get(2).get("purchased").asLong()).isEqualTo(2);
        Response tight = getRaw("/api/funnel?steps=" + encode("50% off?") + "&steps=" + encode("Sale, 2 for 1")
                + "&steps=Checkout&window=8m&windowFrom=first");
        assertThat(tight.json().get("steps").get(2).get("journeys").asLong()).as("n3 checks out 9 min after")
                .isEqualTo(1);
        Response perStep = getRaw("/api/funnel?steps=" + encode("50% off?") + "&steps=" + encode("Sale, 2 for 1")
                + "&steps=Checkout&window=8m");
        assertThat(perStep.json().get("steps").get(2).get("journeys").asLong())
                .as("n3's steps are 5 and 4 min apart").isEqualTo(2);
        Response tighter = getRaw("/api/funnel?steps=" + encode("50% off?") + "&steps=" + encode("Sale, 2 for 1")
                + "&steps=Checkout&window=PT4M30S");
        assertThat(tighter.json().get("steps").get(1).get("journeys").asLong()).as("n3's sale 5 min after")
                .isEqualTo(1);
        assertThat(tighter.json().get("steps").get(2).get("journeys").asLong()).isEqualTo(1);
    }

    @Test
    void aBlankGroupNameOrOneWithAControlCharacterIsRefusedByEveryEndpointThatGroups() {
        for (String endpoint : List.of("/api/paths/top", "/api/attribution", "/api/flows", "/api/transitions",
                "/api/paths/likely", "/api/compare?a=&b=", "/api/summary", "/api/graph",
                "/api/graph?format=dot", "/api/touchpoints/%23top/neighbourhood")) {
            String separator = endpoint.contains("?") ? "&" : "?";
            for (String group : List.of("%20:%23top", "%09:Checkout", "A%1BB:Checkout", "A%00B:Checkout")) {
                Response refused = getRaw(endpoint + separator + "group=" + group);
                assertProblem(refused, 400);
                assertThat(refused.json().get("parameter").asString()).as(endpoint + " " + group).isEqualTo("group");
            }
            Response blank = getRaw(endpoint + separator + "group=%20:%23top");
            assertThat(blank.json().get("detail").asString()).contains("a group's name must not be blank");
            Response escape = getRaw(endpoint + separator + "group=A%1BB:Checkout");
            assertThat(escape.json().get("detail").asString()).contains("U+001B");
            Response lineBreak = getRaw(endpoint + separator + "group=A%0AB:Checkout");
            assertThat(lineBreak.status()).as(endpoint + ": " + lineBreak.body()).isEqualTo(200);
        }
    }

    @Test
    void springErrorsAreProblemsWithOurTypes() {
        Response unknownPath = getRaw("/api/nowhere");
        assertProblem(unknownPath, 404);
        assertThat(unknownPath.json().get("type").asString()).endsWith("/problems/not-found");

        Response html = send(HttpRequest.newBuilder(uri("/no/such/page")).header("Accept", "text/html").GET()
                .build());
        assertProblem(html, 404);

        Response wrongMethod = send(HttpRequest.newBuilder(uri("/api/paths/top")).header("X-API-Key", API_KEY)
                .DELETE().build());
        assertProblem(wrongMethod, 405);
        assertThat(wrongMethod.json().get("type").asString()).endsWith("/problems/method-not-allowed");

        Response wrongType = post("/api/events", "image/png", "x");
        assertProblem(wrongType, 415);
    }

    @Test
    void theContainersOwnRefusalsAreProblemsToo() throws IOException {
        for (String target : List.of("/api/touchpoints/50%/neighbourhood", "/api/touchpoints/%zz/neighbourhood",
                "/api/touchpoints/a%00b/neighbourhood", "/api/a{b}")) {
            String answer = rawRequest("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n"
                    + "Connection: close\r\n\r\n");
            String head = answer.substring(0, Math.max(0, answer.indexOf("\r\n\r\n")));
            String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
            assertThat(head).as(target).startsWith("HTTP/1.1 400").containsIgnoringCase(
                    "Content-Type: application/problem+json");
            JsonNode problem = JSON.readTree(body.contains("{") ? body.substring(body.indexOf('{'),
                    body.lastIndexOf('}') + 1) : "{}");
            assertThat(problem.get("status").asInt()).as(target + ": " + body).isEqualTo(400);
            assertThat(problem.get("type").asString()).startsWith("https://journeyexplorer.dev/problems/");
            assertThat(body).doesNotContainIgnoringCase("<html");
        }
    }

    @Test
    void aQueryThatIsNotPercentEncodedUtf8IsABadRequestOnEveryEndpoint(CapturedOutput log) throws IOException {
        String bareTail = rawRequest("GET /api/paths/top?segment=% HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n");
        assertThat(bareTail).as("the request line reached the app as written").startsWith("HTTP/1.1 400")
                .containsIgnoringCase("Content-Type: application/problem+json")
                .contains("the query string is not valid percent-encoded UTF-8");
        for (String target : List.of("/api/summary?segment=%C3", "/api/graph?format=csv&segment=%FF",
                "/api/stats?%FF=1", "/api/paths/top?k=3&segment=%E2%82",
                "/api/touchpoints/%23top/neighbourhood?before=%C0%AF")) {
            Response refused = getRaw(target);
            assertProblem(refused, 400);
            assertThat(refused.json().get("type").asString()).as(target).endsWith("/problems/bad-request");
            assertThat(refused.json().get("detail").asString()).as(target)
                    .contains("the query string is not valid percent-encoded UTF-8");
        }
        Response preview = post("/api/events/preview?purchase=%FF", "text/csv",
                "journey_id,timestamp,touchpoint\nj,2026-03-01T10:00:00Z,A\n");
        assertProblem(preview, 400);
        assertThat(preview.json().get("detail").asString()).contains("not valid percent-encoded UTF-8");

        assertThat(log.getAll()).doesNotContain("ERROR").doesNotContain("InvalidParameterException")
                .doesNotContain("\tat ");
    }

    @Test
    void anUndecodableValueIsNamedByItsParameter() {
        for (String[] bad : List.of(new String[] {"/api/summary?top=3&segment=%C3", "segment"},
                new String[] {"/api/graph?format=csv&contains=Home,%ED%A0%80", "contains"},
                new String[] {"/api/paths/top?limit=5&startsWith=50%25%20off%3F&group=%FF:Home", "group"})) {
            Response refused = getRaw(bad[0]);
            assertProblem(refused, 400);
            assertThat(refused.json().get("parameter").asString()).as(bad[0]).isEqualTo(bad[1]);
            assertThat(refused.json().get("detail").asString()).as(bad[0])
                    .contains("not valid percent-encoded UTF-8", "'" + bad[1] + "'");
        }
    }

    @Test
    void anAddressLongerThanTheServerReadsIsABadRequestSayingSo() {
        Response refused = getRaw("/api/paths/top?contains=" + "Home,".repeat(4000) + "Cart");
        assertProblem(refused, 400);
        assertThat(refused.json().get("detail").asString()).contains("longer than the server reads", "8192 bytes")
                .contains("query parameters").doesNotContain("'%'").doesNotContain("shorter headers");
    }

    @Test
    void headersLongerThanTheServerReadsAreABadRequestSayingSoNotBlamingTheQuery() throws IOException {
        String answer = rawRequest("GET /api/stats HTTP/1.1\r\nHost: localhost\r\nX-Long: " + "a".repeat(9000)
                + "\r\nConnection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 400").containsIgnoringCase("Content-Type: application/problem+json")
                .contains("headers are longer than the server reads", "8192 bytes", "shorter headers")
                .doesNotContain("query");
    }

    @Test
    void moreHeadersCookiesOrQueryParametersThanTheServerReadsAreABadRequestSayingSo(CapturedOutput log)
            throws IOException {
        StringBuilder headers = new StringBuilder();
        for (int i = 0; i < 120; i++) {
            headers.append("X-Header-").append(i).append(": 1\r\n");
        }
        String manyHeaders = rawRequest("GET /api/stats HTTP/1.1\r\nHost: localhost\r\n" + headers
                + "Connection: close\r\n\r\n");
        assertThat(manyHeaders).startsWith("HTTP/1.1 400").containsIgnoringCase("application/problem+json")
                .contains("more headers than the server reads (at most 100)").doesNotContain("'%'");

        String cookies = String.join("; ", java.util.stream.IntStream.range(0, 300).mapToObj(i -> "c" + i + "=1")
                .toList());
        String manyCookies = rawRequest("GET /api/stats HTTP/1.1\r\nHost: localhost\r\nCookie: " + cookies
                + "\r\nConnection: close\r\n\r\n");
        assertThat(manyCookies).startsWith("HTTP/1.1 400").containsIgnoringCase("application/problem+json")
                .contains("more cookies than the server reads (at most 200)").doesNotContain("touchpoint");

        Response manyParameters = getRaw("/api/stats?" + "x=1&".repeat(1500) + "x=1");
        assertProblem(manyParameters, 400);
        assertThat(manyParameters.json().get("detail").asString())
                .contains("more parameters than the server reads (at most 1,000", "max-parameter-count")
                .doesNotContain("UTF-8");
        // Tomcat logs the first malformed request of the day itself, with its stack trace, at INFO.
        assertThat(log.getAll()).doesNotContain("ERROR");
    }

    /**
     * A body whose chunked transfer encoding is broken is refused by the container where the endpoint reads it: a 400
     * saying what is wrong with the body, on every endpoint that takes one, not a word about touchpoint names.
     */
    @Test
    void aBodyWhoseChunkedEncodingIsMalformedIsABadRequestAboutTheBody() throws IOException {
        for (String target : List.of("/api/events", "/api/feedback", "/api/journeys/aggregated?source=web")) {
            String answer = rawRequest("POST " + target + " HTTP/1.1\r\nHost: localhost\r\nX-API-Key: " + API_KEY
                    + "\r\nContent-Type: text/csv\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                    + "zz\r\njourney_id\r\n0\r\n\r\n");
            assertThat(answer).as(target).startsWith("HTTP/1.1 400")
                    .containsIgnoringCase("Content-Type: application/problem+json");
            JsonNode problem = JSON.readTree(answer.substring(answer.indexOf('{'), answer.lastIndexOf('}') + 1));
            assertThat(problem.get("type").asString()).as(target).endsWith("/problems/bad-request");
            assertThat(problem.get("detail").asString()).as(target)
                    .contains("body could not be read", "chunked transfer encoding").doesNotContain("touchpoint");
        }
    }

    @Test
    void aCompressedBodyWhereOnlyPlainBodiesAreReadIsUnsupported() throws Exception {
        java.io.ByteArrayOutputStream gzipped = new java.io.ByteArrayOutputStream();
        try (var gzip = new java.util.zip.GZIPOutputStream(gzipped)) {
            gzip.write("{\"steps\":[\"A\"]}".getBytes(StandardCharsets.UTF_8));
        }
        for (String[] target : List.of(new String[] {"POST", "/api/predict", "application/json"},
                new String[] {"POST", "/api/cypher", "application/json"},
                new String[] {"PUT", "/api/touchpoints?name=A", "application/json"},
                new String[] {"POST", "/api/journeys/aggregated", "text/csv"},
                new String[] {"POST", "/api/outcomes?purchase=A", "text/plain"})) {
            var answer = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri(target[1]))
                    .header("X-API-Key", API_KEY).header("Content-Type", target[2]).header("Content-Encoding", "gzip")
                    .method(target[0], HttpRequest.BodyPublishers.ofByteArray(gzipped.toByteArray())).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(target[1] + ": " + answer.body()).isEqualTo(415);
            assertThat(answer.headers().firstValue("Accept-Encoding")).as(target[1]).hasValue("identity");
            JsonNode problem = JSON.readTree(answer.body());
            assertThat(problem.get("type").asString()).endsWith("/unsupported-content-encoding");
            assertThat(problem.get("detail").asString()).contains("uncompressed", "'gzip'");
        }
        Response plain = post("/api/predict", "application/json", "{\"steps\":[\"A\"]}");
        assertThat(plain.status()).as(plain.body()).isNotEqualTo(415);
    }

    @Test
    void aQueryParameterNameWithAControlCharacterIsABadRequest(CapturedOutput log) {
        for (String target : List.of("/api/paths/top?x%01=1", "/api/stats?a%1Fb=2", "/api/graph?format=dot&%7F=")) {
            Response refused = getRaw(target);
            assertProblem(refused, 400);
            assertThat(refused.json().get("type").asString()).as(target).endsWith("/problems/bad-request");
            assertThat(refused.json().get("detail").asString()).as(target).contains("parameter name")
                    .contains("is not allowed");
        }
        assertThat(getRaw("/api/paths/top?x%01=1").json().get("detail").asString()).contains("U+0001");
        assertThat(log.getAll()).doesNotContain("ERROR").doesNotContain("RequestRejectedException")
                .doesNotContain("\tat ");
    }

    @Test
    void aMalformedAcceptHeaderIsABadRequestProblemWhateverTheAddress() {
        for (String target : List.of("/api/stats", "/api/nonexistent", "/api/paths/top?k=0", "/",
                "/api/touchpoints/nowhere/neighbourhood")) {
            for (String accept : List.of("garbage", "text/", "application/json;q=x")) {
                Response refused = send(HttpRequest.newBuilder(uri(target)).header("Accept", accept).GET().build());
                assertProblem(refused, 400);
                assertThat(refused.json().get("detail").asString()).as(target + " " + accept)
                        .contains("Accept header").contains(accept);
                assertThat(refused.json().get("parameter").asString()).isEqualTo("Accept");
            }
        }
        Response refusedWrite = send(HttpRequest.newBuilder(uri("/api/events")).header("Accept", "garbage")
                .header("X-API-Key", API_KEY).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("journey_id,timestamp,touchpoint\n")).build());
        assertProblem(refusedWrite, 400);
    }

    @Test
    void anAcceptHeaderTheAppCannotSatisfyGetsTheProblemAnyway() {
        Response notAcceptable = send(HttpRequest.newBuilder(uri("/api/stats")).header("Accept", "image/png").GET()
                .build());
        assertProblem(notAcceptable, 406);
        Response unknown = send(HttpRequest.newBuilder(uri("/api/nonexistent")).header("Accept", "image/png").GET()
                .build());
        assertProblem(unknown, 404);
        Response invalid = send(HttpRequest.newBuilder(uri("/api/paths/top?k=0"))
                .header("Accept", "image/png, application/json").GET().build());
        assertProblem(invalid, 400);
        assertThat(invalid.json().get("parameter").asString()).isEqualTo("k");
    }

    /** A GET whose path and query are sent exactly as written (already percent-encoded). */
    private Response getRaw(String pathAndQuery) {
        return send(HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + pathAndQuery)).GET()
                .build());
    }

    /** Percent-encodes every reserved character, a space as %20 and a plus sign as %2B. */
    private static String encode(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Test
    void anAddressUnderTheApiThatNamesNoEndpointSaysSoAndWhereTheEndpointsAreListed() {
        Response typo = get("/api/stat");
        assertProblem(typo, 404);
        assertThat(typo.json().get("detail").asString()).contains("No endpoint at /api/stat (GET)", "/v3/api-docs")
                .doesNotContain("static resource");

        Response slash = get("/api/stats/");
        assertProblem(slash, 404);
        assertThat(slash.json().get("detail").asString()).contains("/api/stats/", "without a slash, as /api/stats;");
    }

    private static void assertProblem(Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).as(response.body()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.json().get("title").asString()).isNotBlank();
    }
}
