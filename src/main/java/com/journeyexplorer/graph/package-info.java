/**
 * The Neo4j store: schema, journaled writes (imports, outcome redefinitions, undo, erasure) and their rollback, the
 * aggregated TRANSITION graph, the in-memory projection loaded from it, the survey responses ({@link FeedbackGraph}),
 * and the read-only Cypher endpoint. Changes go through {@link com.journeyexplorer.graph.JourneyGraph}; each Neo4j job
 * behind it (schema, loading, writes, the TRANSITION rewrite, the journal, the mapping of a journey to stored
 * properties) is a package-private class. {@link com.journeyexplorer.graph.BulkStoreWriter} writes a first import
 * into an empty, stopped store with Neo4j's batch importer instead.
 */
package com.journeyexplorer.graph;
