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
import com.journeyexplorer.journey.SurveyResponse;

/** The survey answers survive a restart: those loaded from Neo4j equal those the demo stored. */
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

    private static List<SurveyResponse> sorted(List<SurveyResponse> responses) {
        return responses.stream().sorted(Comparator.comparing(SurveyResponse::id)).toList();
    }
}
