/**
 * Plain Java analyses on the in-memory projection, no Spring and no database; each class states its meaning and cost.
 * The journeys they read are the domain model of {@code com.journeyexplorer.journey}.
 * <ul>
 * <li>The projection and its per-snapshot indexes: {@link JourneySnapshot}, {@link JourneyIndex},
 * {@link JourneyColumns}, {@link StepSequences}, {@link StepEdges}, {@link OpenJourneys},
 * {@link FrustrationEvents}.</li>
 * <li>Selection and shaping: {@link JourneySelection}, {@link PathShaping}, {@link TouchpointLabels} (the label
 * numbering that attribution shares), {@link PathShaper}.</li>
 * <li>Counting primitives: {@link IntSequenceTable} (the one table over int sequences) and {@link HashMixer} (the
 * one hash mixer), {@link EdgeTallies} (the one edge counter), {@link NodeSpace} (the node numbering and names),
 * {@link VariantTable}, {@link SequenceCounts}, {@link SelectedSequences}, {@link Durations}, {@link LabelVisits},
 * and the plain counts answers report: {@link JourneyCounts}, {@link TouchpointCounts}. {@link TwoHalves}: one pass
 * counted in two halves on two cores and merged in fixed order.</li>
 * <li>Transition graphs and the absorbing chain: {@link TransitionTable}, {@link TransitionGraph},
 * {@link AbsorbingChain} (solved by {@code analysis.chain}), {@link LikelyPaths}, {@link DinicMaxFlow}.</li>
 * <li>The analyses: {@link TopPaths}, {@link Diversions}, {@link Dropoff}, {@link Funnel}, {@link StepFunnel},
 * {@link Flows}, {@link Neighbourhood}, {@link ObservedPaths}, {@link SelectionSummary}.</li>
 * <li>{@link WorkBudget}: the time budget that long loops check. {@link Counted}: a count and its noun in agreement,
 * for the sentences answers write.</li>
 * </ul>
 */
package com.journeyexplorer.analysis;
