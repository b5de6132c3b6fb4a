package com.journeyexplorer.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.journeyexplorer.JourneyExplorerApplication;
import com.journeyexplorer.analysis.JourneySnapshot;
import com.journeyexplorer.ingest.EventImporter;
import com.journeyexplorer.ingest.ImportOptions;
import com.journeyexplorer.ingest.ImportReport;
import com.journeyexplorer.ingest.Redefinitions;
import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;
import com.journeyexplorer.journey.Owner;

/**
 * After outcome rules, touchpoint metadata, an undo and an erasure, the journal's copies stay out of the projection: a
 * restart rebuilds the same projection from Neo4j, and an entry a crash left unfinished is rolled back.
 */
class JournalRestartTests {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(JourneyExplorerApplication.class)
                .web(WebApplicationType.NONE)
                .profiles("test")
                .run("--journeys.data-dir=" + dataDir);
    }

    private static ImportReport importCsv(ConfigurableApplicationContext app, String csv) {
        return app.getBean(EventImporter.class).importEvents(
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), EventImporter.Format.CSV,
                ImportOptions.defaults(Duration.ofMinutes(30)).withOpenHorizon(Duration.ZERO));
    }

    @Test
    void rebuildsTheSameProjectionAfterChangesUndoAndErasure() {
        JourneySnapshot before;
        String extensionId;
        try (ConfigurableApplicationContext app = start()) {
            importCsv(app, """
                    journey_id,timestamp,touchpoint,customer_id
                    r-1,2026-03-01T10:00:00Z,Home,c-1
                    r-1,2026-03-01T10:05:00Z,Cart,c-1
                    r-2,2026-03-01T11:00:00Z,Home,c-2
                    r-2,2026-03-01T11:05:00Z,Rival,c-2
                    """);
            ImportReport extension = importCsv(app, """
                    journey_id,timestamp,touchpoint,customer_id
                    r-1,2026-03-01T10:09:00Z,Checkout,c-1
                    r-3,2026-03-01T12:00:00Z,Home,c-3
                    """);
            Redefinitions redefinitions = app.getBean(Redefinitions.class);
            redefinitions.redefineOutcomes(Set.of("Cart"), Set.of("Rival")::contains);
            redefinitions.setTouchpoint("Home", "website", "awareness", null);
            JourneyGraph graph = app.getBean(JourneyGraph.class);
            graph.erase("c-3", (changes, after, id, copies, touchpoints) -> id);
            // The redefinition rewrote r-1 after the extension wrote it: the extension is undone after it.
            String redefinition = graph.imports(10).stream().filter(e -> e.kind().equals("outcomes")).findFirst()
                    .orElseThrow().id();
            graph.undo(redefinition, (changes, after, id) -> id);
            extensionId = extension.importId();
            graph.undo(extensionId, (changes, after, id) -> id);
            before = app.getBean(JourneyProjection.class).current();
        }
        assertThat(before.journeyCount()).isEqualTo(2);
        assertThat(before.touchpoints()).extracting(t -> t.name()).containsExactly("Home", "Cart", "Rival");
        assertThat(before.journey("r-1").orElseThrow().outcome()).isEqualTo(Outcome.ABANDONED);
        assertThat(before.journey("r-2").orElseThrow().outcome()).isEqualTo(Outcome.ABANDONED);
        assertThat(before.touchpoint("Rival").orElseThrow().owner()).isEqualTo(Owner.OWN);
        assertThat(before.touchpoint("Home").orElseThrow().stage()).isEqualTo("awareness");

        try (ConfigurableApplicationContext app = start()) {
            JourneySnapshot after = app.getBean(JourneyProjection.class).current();
            assertThat(after.touchpoints()).isEqualTo(before.touchpoints());
            assertThat(after.journeyCount()).isEqualTo(before.journeyCount());
            for (Journey expected : before.journeys()) {
                Journey actual = after.journey(expected.id()).orElseThrow();
                assertThat(actual.steps()).isEqualTo(expected.steps());
                assertThat(actual.types()).isEqualTo(expected.types());
                assertThat(actual.outcome()).isEqualTo(expected.outcome());
            }
            try (var session = app.getBean(org.neo4j.driver.Driver.class).session()) {
                assertThat(session.run("MATCH (n {customerId: 'c-3'}) RETURN count(n) AS n").single().get("n")
                        .asLong()).isZero();
                assertThat(session.run("MATCH (j:Journey {id: 'r-1'}) RETURN j.importId AS i").single().get("i")
                        .asString()).as("the version put back keeps the id of the import that wrote it")
                        .isNotEqualTo(extensionId);
            }
        }
    }

    @Test
    void rollsBackAnOutcomeRedefinitionThatACrashLeftUnfinished() {
        String journeys;
        try (ConfigurableApplicationContext app = start()) {
            importCsv(app, """
                    journey_id,timestamp,touchpoint
                    k-1,2026-03-01T10:00:00Z,Home
                    k-1,2026-03-01T10:05:00Z,Cart
                    """);
            journeys = app.getBean(JourneyProjection.class).current().journey("k-1").orElseThrow().outcome().name();
            // What a crash in the middle of a redefinition leaves: the entry running, its copies stashed, the journey
            // and the touchpoint rewritten.
            ImportJournal store = app.getBean(ImportJournal.class);
            store.beginImport("crashed", "outcomes", null, 1, 0, java.util.List.of());
            store.stashPreviousVersions("crashed", java.util.List.of("k-1"), 10);
            JourneySnapshot current = app.getBean(JourneyProjection.class).current();
            store.stashPreviousTouchpoints("crashed", java.util.List.of(current.touchpoint("Cart").orElseThrow()));
            try (var session = app.getBean(org.neo4j.driver.Driver.class).session()) {
                session.run("MATCH (t:Touchpoint {name: 'Cart'}) SET t.owner = 'competitor'").consume();
                session.run("MATCH (j:Journey {id: 'k-1'}) SET j.stepTypes = [0, 1], j.importId = 'crashed'")
                        .consume();
            }
        }

        try (ConfigurableApplicationContext app = start()) {
            JourneySnapshot after = app.getBean(JourneyProjection.class).current();
            assertThat(after.journey("k-1").orElseThrow().outcome().name()).isEqualTo(journeys);
            assertThat(after.journey("k-1").orElseThrow().types()).containsExactly(0, 0);
            assertThat(after.touchpoint("Cart").orElseThrow().owner()).isEqualTo(Owner.OWN);
            assertThat(app.getBean(JourneyGraph.class).imports(10).get(0).status()).isEqualTo("rolled back");
            try (var session = app.getBean(org.neo4j.driver.Driver.class).session()) {
                assertThat(session.run("MATCH (p:PreviousVersion) RETURN count(p) AS n").single().get("n").asLong())
                        .as("the first import replaced nothing, and the rolled-back entry keeps nothing").isZero();
                assertThat(session.run("MATCH (j:Journey {id: 'k-1'}) RETURN j.importId AS i").single().get("i")
                        .asString()).isNotEqualTo("crashed");
            }
        }
    }

    @Test
    void dropsAtStartTheCopiesOfEntriesMadePermanentBeforeACrashDeletedThem() {
        String extensionId;
        try (ConfigurableApplicationContext app = start()) {
            importCsv(app, """
                    journey_id,timestamp,touchpoint
                    p-1,2026-03-01T10:00:00Z,Home
                    """);
            extensionId = importCsv(app, """
                    journey_id,timestamp,touchpoint
                    p-1,2026-03-01T10:05:00Z,Cart
                    """).importId();
            // What a crash between the two steps of dropping old copies leaves: the journal head marks the entries
            // up to the extension as permanent, and the extension's copy is still there.
            try (var session = app.getBean(org.neo4j.driver.Driver.class).session()) {
                session.run("""
                        MATCH (x:Import {id: $id}), (h:JournalHead {id: 'journal'})
                        SET h.undoFrom = x.sequence + 1""", java.util.Map.of("id", extensionId)).consume();
                assertThat(session.run("MATCH (p:PreviousVersion) RETURN count(p) AS n").single().get("n").asLong())
                        .isEqualTo(1);
            }
        }

        try (ConfigurableApplicationContext app = start()) {
            try (var session = app.getBean(org.neo4j.driver.Driver.class).session()) {
                assertThat(session.run("MATCH (p:PreviousVersion) RETURN count(p) AS n").single().get("n").asLong())
                        .isZero();
            }
            ImportEntry extension = app.getBean(JourneyGraph.class).importEntry(extensionId).orElseThrow();
            assertThat(extension.undoable()).isFalse();
            assertThat(app.getBean(JourneyProjection.class).current().journey("p-1").orElseThrow().steps())
                    .hasSize(2);
        }
    }
}
