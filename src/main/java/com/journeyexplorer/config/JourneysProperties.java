package com.journeyexplorer.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Every setting of the app, under the prefix {@code journeys}. The README's configuration table documents each one.
 *
 * @param dataDir where the embedded Neo4j keeps its store
 */
@ConfigurationProperties("journeys")
public record JourneysProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue Neo4j neo4j,
        @DefaultValue Demo demo,
        @DefaultValue Ingest ingest) {

    public record Neo4j(@DefaultValue Embedded embedded, @DefaultValue("5000") int writeBatchSize) {
        public Neo4j {
            if (writeBatchSize < 1) {
                throw new IllegalArgumentException("journeys.neo4j.write-batch-size must be at least 1");
            }
        }
    }

    /**
     * @param enabled       run Neo4j inside the app (ignored when {@code spring.neo4j.uri} is set)
     * @param boltPort      Bolt port on localhost; 0 picks a free port
     * @param pageCacheSize Neo4j page cache
     * @param directWrites  write imported journeys through Neo4j's Java API (faster) rather than Cypher over Bolt
     */
    public record Embedded(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("7687") int boltPort,
            @DefaultValue("512MB") DataSize pageCacheSize,
            @DefaultValue("true") boolean directWrites) {
        public Embedded {
            if (boltPort < 0 || boltPort > 65535) {
                throw new IllegalArgumentException("journeys.neo4j.embedded.bolt-port must be 0..65535, was " + boltPort);
            }
        }
    }

    /**
     * @param loadOnStart load the demo store into an empty database at start-up
     * @param journeys    how many demo journeys to load
     * @param seed        the generator's seed: the same seed gives the same journeys
     */
    public record Demo(
            @DefaultValue("true") boolean loadOnStart,
            @DefaultValue("20000") int journeys,
            @DefaultValue("42") long seed) {
    }

    /**
     * @param maxUploadSize     largest accepted upload body
     * @param sessionGap        inactivity that splits a customer's events into journeys when no journey id is given
     * @param defaultZone       time zone of timestamps that carry no offset
     * @param maxReportedErrors how many rejected rows a response lists (the rest are counted)
     * @param maxJourneyLength  longest accepted journey, in events
     */
    public record Ingest(
            @DefaultValue("2GB") DataSize maxUploadSize,
            @DefaultValue("30m") Duration sessionGap,
            @DefaultValue("UTC") ZoneId defaultZone,
            @DefaultValue("100") int maxReportedErrors,
            @DefaultValue("100000") int maxJourneyLength) {
    }
}
