package com.journeyexplorer.bench;

import java.util.List;
import java.util.Map;

/**
 * One analysis question asked two ways: the app's endpoint, and the straightforward Cypher a Cypher power user would
 * write against the same database ({@code cypher == null} when there is none, with the reason in {@code scope}).
 *
 * @param scope what the Cypher answers compared with the endpoint
 */
record CypherQuestion(String name, String endpoint, String cypher, Map<String, Object> parameters, String scope) {

    static final String TOP_PATHS = """
            MATCH (j:Journey {segment: $segment})
            WITH j.path AS path, sum(j.weight) AS journeys,
                 sum(CASE WHEN j.outcome = 'PURCHASE' THEN j.weight ELSE 0 END) AS purchases
            RETURN path, journeys, toFloat(purchases) / journeys AS purchaseRate
            ORDER BY journeys DESC, path
            LIMIT 10""";

    /**
     * Simple paths over the aggregated chain to the touchpoint where the demo's purchases happen, bounded length,
     * pruned at unlikely transitions, ranked by the product of their probabilities.
     */
    static final String LIKELY_PATHS = """
            MATCH p = (:Start)-[:TRANSITION*1..10]->(:Touchpoint {name: $purchaseAt})
            WHERE all(r IN relationships(p) WHERE r.probability >= 0.05)
              AND all(i IN range(0, length(p) - 1) WHERE NOT nodes(p)[i] IN nodes(p)[i + 1..])
            RETURN [n IN nodes(p)[1..] | n.name] AS steps,
                   reduce(probability = 1.0, r IN relationships(p) | probability * r.probability) AS probability
            ORDER BY probability DESC
            LIMIT 10""";

    static final String DIVERSIONS = """
            MATCH (j:Journey)-[a:VISITED]->(own:Touchpoint {owner: 'own'}),
                  (j)-[b:VISITED]->(rival:Touchpoint {owner: 'competitor'})
            WHERE b.index = a.index + 1
            WITH DISTINCT own, rival, j
            WITH own, rival, sum(j.weight) AS journeys
            ORDER BY journeys DESC, own.name, rival.name
            LIMIT 20
            CALL (own) {
              MATCH (v:Journey) WHERE own.name IN v.path
              RETURN sum(v.weight) AS visitors
            }
            RETURN own.name AS touchpoint, own.stage AS stage, rival.name AS competitor, journeys,
                   toFloat(journeys) / visitors AS rate""";

    static final String FUNNEL = """
            MATCH (j:Journey)-[:VISITED]->(t:Touchpoint)
            WITH j, collect(DISTINCT toLower(t.stage)) AS seen
            WITH j, CASE WHEN j.outcome = 'PURCHASE' THEN seen + 'purchase' ELSE seen END AS reached
            UNWIND range(0, size($stages) - 1) AS s
            WITH s, j, reached WHERE $stages[s] IN reached
            WITH s, j, s + 1 < size($stages) AND NOT $stages[s + 1] IN reached AS dropped
            WITH s, dropped, j.outcome AS outcome, CASE WHEN dropped THEN j.path[-1] END AS endedAt,
                 sum(j.weight) AS n
            ORDER BY n DESC
            WITH s, sum(n) AS journeys, sum(CASE WHEN dropped THEN n ELSE 0 END) AS droppedOut,
                 collect(CASE WHEN dropped AND outcome = 'ABANDONED' THEN [endedAt, n] END)[0..$top] AS abandonedAt,
                 collect(CASE WHEN dropped AND outcome = 'DIVERTED' THEN [endedAt, n] END)[0..$top] AS divertedTo
            RETURN $stages[s] AS stage, journeys, droppedOut, abandonedAt, divertedTo
            ORDER BY s""";

    /** Links between consecutive steps of the first five, paths cut at the first purchase; a path's end by outcome. */
    static final String FLOWS = """
            MATCH (j:Journey)-[a:VISITED]->(from:Touchpoint)
            WHERE a.index <= 4 AND (j.purchaseIndex < 0 OR a.index <= j.purchaseIndex)
            OPTIONAL MATCH (j)-[b:VISITED]->(next:Touchpoint)
            WHERE b.index = a.index + 1 AND a.index < 4 AND (j.purchaseIndex < 0 OR b.index <= j.purchaseIndex)
            WITH a.index AS step, from.name AS from,
                 coalesce(next.name, CASE WHEN a.index = 4 THEN '(beyond)' ELSE '(' + j.outcome + ')' END) AS to,
                 sum(j.weight) AS journeys
            RETURN step, from, to, journeys
            ORDER BY step, journeys DESC""";

    private static final String CONVERTING_PATHS = """
            MATCH (j:Journey {outcome: 'PURCHASE'}) WHERE j.purchaseIndex > 0
            WITH j, j.path[0..j.purchaseIndex] AS path
            """;

    static final String LINEAR = CONVERTING_PATHS + """
            UNWIND path AS touchpoint
            RETURN touchpoint, sum(toFloat(j.weight) / size(path)) AS conversions, sum(j.value / size(path)) AS value
            ORDER BY conversions DESC""";

    static final String FIRST_TOUCH = CONVERTING_PATHS + """
            RETURN path[0] AS touchpoint, sum(j.weight) AS conversions, sum(j.value) AS value
            ORDER BY conversions DESC""";

    static final String LAST_TOUCH = CONVERTING_PATHS + """
            RETURN path[-1] AS touchpoint, sum(j.weight) AS conversions, sum(j.value) AS value
            ORDER BY conversions DESC""";

    /** 40 % to the first and last touch each, 20 % spread over the middle. */
    static final String POSITION = CONVERTING_PATHS + """
            UNWIND range(0, size(path) - 1) AS i
            WITH j, path[i] AS touchpoint, CASE
                   WHEN size(path) = 1 THEN 1.0
                   WHEN size(path) = 2 THEN 0.5
                   WHEN i = 0 OR i = size(path) - 1 THEN 0.4
                   ELSE 0.2 / (size(path) - 2) END AS share
            RETURN touchpoint, sum(share * j.weight) AS conversions, sum(share * j.value) AS value
            ORDER BY conversions DESC""";

    static final String COMPARE = """
            MATCH (j:Journey) WHERE j.segment IN [$a, $b]
            WITH j.segment AS side, j.path AS path, sum(j.weight) AS n,
                 sum(CASE WHEN j.outcome = 'PURCHASE' THEN j.weight ELSE 0 END) AS purchased,
                 sum(CASE WHEN j.outcome = 'DIVERTED' THEN j.weight ELSE 0 END) AS diverted
            ORDER BY n DESC
            WITH side, sum(n) AS journeys, sum(purchased) AS purchased, sum(diverted) AS diverted,
                 collect([path, n])[0..10] AS topPaths
            RETURN side, journeys, toFloat(purchased) / journeys AS purchaseRate,
                   toFloat(diverted) / journeys AS divertedRate, topPaths""";

    /**
     * This question on {@code shape}'s data: the demo's segments ({@code trend follower}, {@code bargain hunter})
     * replaced by the shape's in the endpoint and the Cypher parameters.
     */
    CypherQuestion on(Shape shape) {
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        parameters.forEach((key, value) -> values.put(key, value.equals(Shape.DEMO.segment) ? shape.segment
                : value.equals(Shape.DEMO.otherSegment) ? shape.otherSegment : value));
        String path = endpoint.replace(Shape.DEMO.segment.replace(" ", "%20"), shape.segment.replace(" ", "%20"))
                .replace(Shape.DEMO.otherSegment.replace(" ", "%20"), shape.otherSegment.replace(" ", "%20"));
        return new CypherQuestion(name, path, cypher, Map.copyOf(values), scope);
    }

    static List<CypherQuestion> all() {
        return List.of(
                topPaths(),
                new CypherQuestion("likely paths to purchase", "/api/paths/likely?outcome=purchase&k=10",
                        LIKELY_PATHS, Map.of("purchaseAt", "Order confirmation"), "approximation: simple paths of at "
                        + "most 10 hops over the whole-journey TRANSITION graph to the touchpoint where purchases "
                        + "happen, transitions below 5 % pruned; no outcome probabilities per node"),
                new CypherQuestion("diversions", "/api/diversions", DIVERSIONS, Map.of(),
                        "own -> competitor step pairs, journeys and rate; no cameBack, no minimum cut"),
                new CypherQuestion("funnel", "/api/funnel", FUNNEL, Map.of("stages",
                        List.of("awareness", "consideration", "purchase", "loyalty", "advocacy"), "top", 5),
                        "same counts and top drop-out touchpoints"),
                new CypherQuestion("flows", "/api/flows", FLOWS, Map.of(),
                        "all links of the first 5 steps; no top-8 per step with (other), no per-node totals"),
                new CypherQuestion("attribution markov", "/api/attribution?model=markov", null, Map.of(),
                        "n/a: removal effects need the chain's absorption probabilities with each touchpoint removed, "
                        + "a linear solve per touchpoint; Cypher has none, and paths over a cyclic chain do not end"),
                new CypherQuestion("attribution linear", "/api/attribution?model=linear", LINEAR, Map.of(),
                        "same credit (conversions and value)"),
                new CypherQuestion("attribution first", "/api/attribution?model=first", FIRST_TOUCH, Map.of(),
                        "same credit"),
                new CypherQuestion("attribution last", "/api/attribution?model=last", LAST_TOUCH, Map.of(),
                        "same credit"),
                new CypherQuestion("attribution position", "/api/attribution?model=position", POSITION, Map.of(),
                        "same credit (40/20/40)"),
                new CypherQuestion("compare two segments",
                        "/api/compare?a=segment%3Dtrend%20follower&b=segment%3Dbargain%20hunter", COMPARE,
                        Map.of("a", "trend follower", "b", "bargain hunter"), "partial: outcome rates and top paths "
                        + "per side; no tests, no transitions, no attribution of each side"));
    }

    static CypherQuestion topPaths() {
        return new CypherQuestion("top paths of a segment", "/api/paths/top?segment=trend%20follower", TOP_PATHS,
                Map.of("segment", "trend follower"), "same variants, counts and purchase rate; no durations");
    }
}
