package com.journeyexplorer.graph;

import org.springframework.test.context.TestPropertySource;

/**
 * {@link TransitionDeltaTests} with transactions far smaller than the TRANSITION graph: Neo4j's memory bound per
 * transaction is set low (as a clickstream of a hundred thousand pages meets the default 1 GiB) and the write batch
 * size makes a transaction take 40 edges, so that every rewrite and most deltas run in parts; the stored graph still
 * equals a rebuild after each change.
 */
@TestPropertySource(properties = {"journeys.neo4j.embedded.transaction-max-memory=2MB",
        "journeys.neo4j.write-batch-size=2"})
class TransitionDeltaInPartsTests extends TransitionDeltaTests {
}
