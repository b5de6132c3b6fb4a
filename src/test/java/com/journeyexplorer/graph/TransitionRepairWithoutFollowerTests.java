package com.journeyexplorer.graph;

import org.springframework.test.context.TestPropertySource;

/**
 * As {@link TransitionRepairTests}, on an instance that does not follow the journal
 * ({@code journeys.instance.follow-interval=0}): a TRANSITION graph left part-written is rewritten all the same,
 * without waiting for the next change.
 */
@TestPropertySource(properties = "journeys.instance.follow-interval=0")
class TransitionRepairWithoutFollowerTests extends TransitionRepairTests {
}
