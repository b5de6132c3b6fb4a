package com.journeyexplorer.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.journeyexplorer.ApiTestSupport;

import tools.jackson.databind.JsonNode;

/**
 * One analysis request draws on one budget for the work of its {@code group} expressions, however often the analysis
 * labels the snapshot's touchpoints: each touchpoint is matched once per group and request. A group just under the bound
 * of one match on one name is answered by every endpoint alike, again on the next request (nothing of one request's
 * budget is kept with the snapshot), and on two such names it is the request's problem.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RequestPatternBudgetApiTests extends ApiTestSupport {

    /** Matched against the whole of a name of 64 a's and a tail: about 3,200,000 reads, under one match's bound. */
    private static final String COSTLY_MATCHED = "(.*a){4}b";
    private static final String FIRST = "a".repeat(64) + "!10";
    private static final String SECOND = "a".repeat(64) + "!11";
    /** Label the touchpoints several times (the graph's visits, transitions and labels; a check and the counts). */
    private static final List<String> ANALYSES = List.of("/api/paths/top", "/api/graph",
            "/api/touchpoints/neighbourhood?touchpoint=Home&", "/api/compare?a=&b=&");

    @Test
    void aGroupJustUnderTheBoundOfOneMatchIsMatchedOncePerTouchpointAndRequest() {
        importCsv("?purchase=Thanks", "journey_id,timestamp,touchpoint\n"
                + "one,2026-05-01T10:00:00Z,Home\n"
                + "one,2026-05-01T10:01:00Z," + FIRST + "\n"
                + "one,2026-05-01T10:02:00Z,Thanks\n");

        for (String analysis : ANALYSES) {
            Response answered = analysed(analysis);
            assertThat(answered.status()).as(analysis + ": " + answered.body()).isEqualTo(200);
            // Again, with the answer cache passed by: the first request's spent budget is not the second's.
            Response again = analysed(analysis);
            assertThat(again.status()).as(analysis + " again: " + again.body()).isEqualTo(200);
        }

        importCsv("?purchase=Thanks", "journey_id,timestamp,touchpoint\n"
                + "two,2026-05-02T10:00:00Z,Home\n"
                + "two,2026-05-02T10:01:00Z," + SECOND + "\n"
                + "two,2026-05-02T10:02:00Z,Thanks\n");
        for (String analysis : ANALYSES) {
            Response refused = analysed(analysis);
            assertThat(refused.status()).as(analysis + ": " + refused.body()).isEqualTo(400);
            JsonNode problem = refused.json();
            assertThat(problem.get("parameter").asString()).isEqualTo("group");
            assertThat(problem.get("expression").asString()).isEqualTo(COSTLY_MATCHED);
            assertThat(problem.get("detail").asString()).contains("the regular expressions of this request had made "
                    + "more than 5,000,000 steps");
        }
    }

    /** {@code analysis} (a path, or a path and query ending in '&') with the costly group, computed afresh. */
    private Response analysed(String analysis) {
        String separator = analysis.endsWith("&") ? "" : "?";
        String group = URLEncoder.encode("Long:" + COSTLY_MATCHED, StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(uri(analysis + separator + "group=" + group))
                .header("Cache-Control", "no-cache").GET().build());
    }
}
