/**
 * The domain model every layer shares: a {@link Journey} of steps at {@link Touchpoint}s (each with its channel, stage
 * and {@link Owner}), its {@link Outcome}, the {@link OutcomeRule}s that decide it at import, the {@link EventType} of a
 * step and its {@link EventAttributes}; a {@link SurveyResponse} about a journey and the {@link Scale} of its score;
 * the {@link NameList} rule by which every parameter lists names, commas in names included; the {@link NamePattern}
 * through which every regular expression a user gives is matched, its work bounded.
 * Plain Java that uses nothing else of the project: persistence ({@code graph}), import ({@code ingest}) and the
 * analyses ({@code analysis}) all build on it.
 */
package com.journeyexplorer.journey;
