package com.journeyexplorer.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
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
import com.journeyexplorer.journey.EventAttributes;
import com.journeyexplorer.journey.Journey;
import com.journeyexplorer.journey.Outcome;

/** Data survives a normal restart, and the projection rebuilt from Neo4j equals the one before it. */
class RestartTests {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start(boolean demo) {
        return new SpringApplicationBuilder(JourneyExplorerApplication.class)
                .web(WebApplicationType.NONE)
                .profiles("test")
                .run("--journeys.data-dir=" + dataDir, "--journeys.demo.load-on-start=" + demo,
                        "--journeys.demo.journeys=500");
    }

    @Test
    void keepsEveryJourneyAcrossARestartAndRebuildsTheSameProjection() throws Exception {
        JourneySnapshot before;
        try (ConfigurableApplicationContext app = start(true)) {
            String extra = """
                    event_id,journey_id,timestamp,touchpoint,type,value,campaign,resource
                    x1,restart-1,2026-03-01T10:00:00Z,Home,,,spring,112
                    x2,restart-1,2026-03-01T10:05:00Z,Order confirmation,purchase,42.5,,113
                    x3,restart-2,2026-03-02T10:00:00Z,Home,,,,112
                    """;
            app.getBean(EventImporter.class).importEvents(
                    new ByteArrayInputStream(extra.getBytes(StandardCharsets.UTF_8)), EventImporter.Format.CSV,
                    ImportOptions.defaults(Duration.ofMinutes(30)).withOpenHorizon(Duration.ofDays(3650)));
            before = app.getBean(JourneyProjection.class).current();
        }
        assertThat(before.journeyCount()).isEqualTo(502);
        assertThat(before.journey("restart-2").orElseThrow().outcome()).isEqualTo(Outcome.OPEN);
        assertThat(Files.list(dataDir).toList()).isNotEmpty();

        try (ConfigurableApplicationContext app = start(true)) {
            JourneySnapshot after = app.getBean(JourneyProjection.class).current();
            assertThat(after.journeyCount()).as("the demo is not loaded again into a database with data")
                    .isEqualTo(before.journeyCount());
            assertThat(after.eventCount()).isEqualTo(before.eventCount());
            assertThat(after.touchpoints()).isEqualTo(before.touchpoints());
            for (Journey expected : before.journeys()) {
                Journey actual = after.journey(expected.id()).orElseThrow();
                assertThat(actual.steps()).isEqualTo(expected.steps());
                assertThat(actual.times()).isEqualTo(expected.times());
                assertThat(actual.types()).isEqualTo(expected.types());
                assertThat(actual.eventIds()).isEqualTo(expected.eventIds());
                assertThat(actual.outcome()).isEqualTo(expected.outcome());
                assertThat(actual.value()).isEqualTo(expected.value());
                assertThat(actual.segment()).isEqualTo(expected.segment());
                assertThat(actual.attributes()).isEqualTo(expected.attributes());
                assertThat(actual.events()).isEqualTo(expected.events());
                assertThat(actual.openHorizon()).isEqualTo(expected.openHorizon());
            }
            Journey restarted = after.journey("restart-1").orElseThrow();
            assertThat(restarted.eventIds()).containsExactly("x1", "x2");
            assertThat(restarted.attributes()).containsExactly(java.util.Map.entry("campaign", "spring"));
            assertThat(restarted.events().values("resource")).containsExactly("112", "113");
            assertThat(restarted.openHorizon()).isEqualTo(Duration.ofDays(3650).toMillis());
            assertThat(after.journey("restart-2").orElseThrow().outcome()).isEqualTo(Outcome.OPEN);
            assertSharesRepeatedParts(after.journeys());
            try (var session = app.getBean(org.neo4j.driver.Driver.class).session()) {
                List<String> mismatches = session.run(StoreSchema.statements(
                        Files.readString(Path.of("cypher", "consistency-check.cypher"))).get(0))
                        .list(row -> row.get("from").asString());
                assertThat(mismatches).isEmpty();
            }
        }
    }

    /** The load keeps one copy of each repeated attribute map, step array, type array, customer id and details. */
    private static void assertSharesRepeatedParts(List<Journey> journeys) {
        List<Object> maps = journeys.stream().<Object>map(Journey::attributes).toList();
        assertThat(maps.stream().distinct().count()).as("repeated attribute maps").isLessThan(journeys.size())
                .isEqualTo(instances(maps));
        List<Object> typeArrays = journeys.stream().<Object>map(Journey::types).toList();
        assertThat(journeys.stream().map(journey -> Arrays.toString(journey.types())).distinct().count())
                .as("repeated type arrays").isLessThan(journeys.size()).isEqualTo(instances(typeArrays));
        List<Object> stepArrays = journeys.stream().<Object>map(Journey::steps).toList();
        assertThat(journeys.stream().map(journey -> Arrays.toString(journey.steps())).distinct().count())
                .as("journeys that took the same path").isLessThan(journeys.size()).isEqualTo(instances(stepArrays));
        long customers = journeys.stream().map(Journey::customerId).distinct().count();
        assertThat(customers).as("returning customers").isLessThan(journeys.size());
        List<Object> customerParts = journeys.stream().map(Journey::customerPart).toList();
        assertThat(instances(customerParts)).as("customer ids held once each, or as a shared form and a number")
                .isLessThanOrEqualTo(customers);
        List<Object> plain = journeys.stream().map(Journey::details)
                .filter(d -> d.eventIds() == null && d.events() == EventAttributes.NONE).<Object>map(d -> d).toList();
        assertThat(plain.stream().distinct().count()).as("repeated details").isLessThan(plain.size())
                .isEqualTo(instances(plain));
    }

    /** How many distinct objects {@code parts} holds, by identity. */
    private static long instances(List<Object> parts) {
        Set<Object> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
        distinct.addAll(parts);
        return distinct.size();
    }
}
