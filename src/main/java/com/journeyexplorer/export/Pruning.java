package com.journeyexplorer.export;

/**
 * How far an exported graph is thinned: links with fewer than {@code minJourneys} journeys go, then only the
 * {@code maxEdges} links with most journeys stay. Nodes left without a link go too, except start and outcome nodes.
 */
public record Pruning(long minJourneys, int maxEdges) {

    public static final int MAX_EDGES_LIMIT = 5000;
    public static final int DEFAULT_MAX_EDGES = 500;

    public Pruning {
        if (minJourneys < 1) {
            throw new IllegalArgumentException("minJourneys must be at least 1");
        }
        if (maxEdges < 1 || maxEdges > MAX_EDGES_LIMIT) {
            throw new IllegalArgumentException("maxEdges must be between 1 and " + MAX_EDGES_LIMIT);
        }
    }
}
