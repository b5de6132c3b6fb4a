package com.journeyexplorer.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

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
 * crash left unfinished is rolled back at the next start; the answers of an entry still being written are not loaded;
 * those of an undone entry that a crash left undeleted are not loaded and are deleted at the next start.
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
            // Three answers in transactions of one: a crash can leave some of an entry's transactions committed.
            app.getBean(ResponseStore.class).write(List.of(answer("crashed-1"), answer("crashed-2"),
                    answer("crashed-3")), "crashed", 1);
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

    @Test
    void loadsTheAnswersOfAnEntryOnlyOnceItIsFinished() {
        try (ConfigurableApplicationContext app = startEmpty()) {
            FeedbackGraph feedback = app.getBean(FeedbackGraph.class);
            ImportJournal journal = app.getBean(ImportJournal.class);
            feedback.add(List.of(answer("kept")));
            // An entry part-way through its transactions, as another instance's import may be when this one loads.
            journal.beginImport("writing", "feedback", null, 0, 0, List.of(), 2);
            app.getBean(ResponseStore.class).write(List.of(answer("new-1"), answer("new-2")), "writing", 1);

            feedback.load();
            assertThat(feedback.responses()).extracting(SurveyResponse::id).containsExactly("kept");

            journal.finishImport("writing", "done");
            feedback.load();
            assertThat(feedback.responses()).extracting(SurveyResponse::id)
                    .containsExactlyInAnyOrder("kept", "new-1", "new-2");
        }
    }

    @Test
    void theAnswersOfAnUndoneEntryThatACrashLeftUndeletedAreHiddenAndDeletedAtTheNextStart() {
        String undone;
        try (ConfigurableApplicationContext app = startEmpty()) {
            FeedbackGraph feedback = app.getBean(FeedbackGraph.class);
            feedback.add(List.of(answer("kept")));
            undone = feedback.add(List.of(answer("undone-1"), answer("undone-2"))).importId();
            // What a crash after the undo committed leaves: the entry undone and marked, its answers not yet deleted.
            try (var session = app.getBean(org.neo4j.driver.Driver.class).session()) {
                session.run("MATCH (i:Import {id: $id}) SET i.status = 'undone', i.answersLeft = true",
                        Map.of("id", undone)).consume();
            }

            feedback.load();
            assertThat(feedback.responses()).extracting(SurveyResponse::id).containsExactly("kept");
        }

        try (ConfigurableApplicationContext app = startEmpty()) {
            assertThat(app.getBean(FeedbackGraph.class).responses()).extracting(SurveyResponse::id)
                    .containsExactly("kept");
            try (var session = app.getBean(org.neo4j.driver.Driver.class).session()) {
                assertThat(session.run("MATCH (r:Response) RETURN collect(r.id) AS ids").single().get("ids")
                        .asList()).containsExactly("kept");
                assertThat(session.run("MATCH (i:Import {id: $id}) RETURN i.answersLeft IS NULL AS cleared",
                        Map.of("id", undone)).single().get("cleared").asBoolean()).isTrue();
            }
        }
    }

    @Test
    void followingTheJournalPassesThisInstancesOwnFeedbackImportWithoutReloadingTheAnswers() {
        // No follower thread: the test follows the journal itself, at a known moment.
        try (ConfigurableApplicationContext app = startEmpty("--journeys.instance.follow-interval=0")) {
            FeedbackGraph feedback = app.getBean(FeedbackGraph.class);
            feedback.add(List.of(answer("own")));
            long version = feedback.version();

            assertThat(app.getBean(JourneyGraph.class).catchUpUnlessWriting()).isTrue();

            // A reload would change the version (and read every answer back from Neo4j).
            assertThat(feedback.version()).isEqualTo(version);
            assertThat(feedback.responses()).extracting(SurveyResponse::id).containsExactly("own");
        }
    }

    private ConfigurableApplicationContext startEmpty(String... more) {
        String[] args = new String[more.length + 1];
        args[0] = "--journeys.data-dir=" + dataDir;
        System.arraycopy(more, 0, args, 1, more.length);
        return new SpringApplicationBuilder(JourneyExplorerApplication.class)
                .web(WebApplicationType.NONE)
                .profiles("test")
                .run(args);
    }

    private static SurveyResponse answer(String id) {
        return new SurveyResponse(id, "", "c-1", -1, "", "", Scale.of("csat"), 4, "");
    }

    private static List<SurveyResponse> sorted(List<SurveyResponse> responses) {
        return responses.stream().sorted(Comparator.comparing(SurveyResponse::id)).toList();
    }
}
