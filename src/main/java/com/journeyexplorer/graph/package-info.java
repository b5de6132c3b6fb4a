/**
 * The Neo4j store: schema, journaled writes (imports, outcome redefinitions, undo, erasure) and their rollback, the
 * aggregated TRANSITION graph, the in-memory projection loaded from it, and the read-only Cypher endpoint.
 */
package com.journeyexplorer.graph;
