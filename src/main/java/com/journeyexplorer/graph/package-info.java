/**
 * The Neo4j store: schema, journaled writes (imports, outcome redefinitions, undo, erasure) and their rollback, the
 * aggregated TRANSITION graph, the in-memory projection loaded from it, the survey responses ({@link FeedbackGraph}),
 * and the read-only Cypher endpoint.
 */
package com.journeyexplorer.graph;
