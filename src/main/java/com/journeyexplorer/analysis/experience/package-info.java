/**
 * The experience on the journey map: survey responses joined to the snapshot once as columns ({@link
 * JoinedResponses}) and picked per request by the selected journeys' positions ({@link SelectedResponses}),
 * their scores per touchpoint, stage or channel with intervals and NPS ({@link ExperienceByLabel}, {@link
 * ScoreSummary}), frustration events per visit, the pain points ranked by what their bad experience costs ({@link
 * PainPoints}), and the touchpoints whose experience moves purchases ({@link ExperienceDrivers}). Plain Java on the
 * snapshot and the response list; the formulas are in each class and in the README.
 */
package com.journeyexplorer.analysis.experience;
