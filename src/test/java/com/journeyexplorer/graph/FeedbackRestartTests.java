package com.journeyexplorer.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.journeyexplorer.JourneyExplorerApplication;
import com.journeyexplorer.journey.Scale;
import com.journeyexplorer.journey.SurveyResponse;

/**
 * The survey answers survive a restart: those loaded from Neo4j equal those the demo stored; a feedback import that a
 * crash left unfinished is rolled back at the next start.
 */
class FeedbackRestartTests {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(JourneyExplorerApplication.class)
                .web(WebApplicationType.NONE)
                .profiles("test")
                .run("--journeys.data-dir=" + dataDir, "--journeys.demo.load-on-start=true",
                        "--journeys.demo.journeys=500");
    }

    @Test
    void loadsTheStoredAnswersAtStart() {
        List<SurveyResponse> before;
        try (ConfigurableApplicationContext app = start()) {
            before = sorted(app.getBean(FeedbackGraph.class).responses());
        }
        assertThat(before).isNotEmpty().allMatch(SurveyResponse::isMatched);

        try (ConfigurableApplicationContext app = start()) {
            assertThat(sorted(app.getBean(FeedbackGraph.class).responses())).isEqualTo(before);
        }
    }

    @Test
    void rollsBackAFeedbackImportThatACrashLeftUnfinished() {
        try (ConfigurableApplicationContext app = startEmpty()) {
            app.getBean(JourneyGraph.class).addResponses(List.of(answer("kept")));
            // What a crash between the write of the answers and the end of their entry leaves.
            app.getBean(ImportJournal.class).beginImport("crashed", "feedback", null, 0, 0, List.of(), 1);
            app.getBean(ResponseStore.class).write(List.of(answer("crashed-answer")), "crashed", 10);
        }

        try (ConfigurableApplicationContext app = startEmpty()) {
            assertThat(app.getBean(FeedbackGraph.class).responses()).extracting(SurveyResponse::id)
                    .containsExactly("kept");
            assertThat(app.getBean(JourneyGraph.class).importEntry("crashed").orElseThrow().status())
                    .isEqualTo("rolled back");
            try (var session = app.getBean(org.neo4j.driver.Driver.class).session()) {
                assertThat(session.run("MATCH (r:Response) RETURN collect(r.id) AS ids").single().get("ids")
                        .asList()).containsExactly("kept");
            }
        }
    }

    private ConfigurableApplicationContext startEmpty() {
        return new SpringApplicationBuilder(JourneyExplorerApplication.class)
                .web(WebApplicationType.NONE)
                .profiles("test")
                .run("--journeys.data-dir=" + dataDir);
    }

    private static SurveyResponse answer(String id) {
        return new SurveyResponse(id, "", "c-1", -1, "", "", Scale.of("csat"), 4, "");
    }

    private static List<SurveyResponse> sorted(List<SurveyResponse> responses) {
        return responses.stream().sorted(Comparator.comparing(SurveyResponse::id)).toList();
    }
}
