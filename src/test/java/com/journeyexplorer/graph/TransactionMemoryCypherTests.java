package com.journeyexplorer.graph;

import org.springframework.test.context.TestPropertySource;

/**
 * {@link TransactionMemoryTests} with the journeys written by Cypher over Bolt, in the driver's managed transactions,
 * as with an external Neo4j server.
 */
@TestPropertySource(properties = "journeys.neo4j.embedded.direct-writes=false")
class TransactionMemoryCypherTests extends TransactionMemoryTests {
}
