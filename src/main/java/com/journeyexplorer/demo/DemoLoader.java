package com.journeyexplorer.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.journeyexplorer.config.JourneysProperties;
import com.journeyexplorer.config.StartupStep;
import com.journeyexplorer.graph.JourneyProjection;
import com.journeyexplorer.ingest.EventImporter;
import com.journeyexplorer.ingest.FeedbackImporter;
import com.journeyexplorer.ingest.FeedbackOptions;
import com.journeyexplorer.ingest.FeedbackReport;
import com.journeyexplorer.ingest.ImportOptions;
import com.journeyexplorer.ingest.ImportReport;

/**
 * Loads the demo store and its survey answers ({@link DemoSurvey}) into an empty database at start-up ({@code
 * journeys.demo.load-on-start}), through the same CSV imports a user would run, so the demo data is stored exactly as
 * imported data is. It runs in a lifecycle phase after the projection's load and the journal's follower and before
 * the web server's, as {@code ProjectionStartup} does: the app never answers from an empty store while the demo is
 * still being loaded (as an application runner, after the web server had started, it answered 0 journeys for the
 * first seconds).
 */
@Component
class DemoLoader extends StartupStep {

    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);

    /** After {@code JournalFollower}'s phase (1), before the web server's ({@code DEFAULT_PHASE - 1024}). */
    private static final int PHASE = 2;

    private final JourneysProperties properties;
    private final JourneyProjection projection;
    private final EventImporter importer;
    private final FeedbackImporter feedback;

    DemoLoader(JourneysProperties properties, JourneyProjection projection, EventImporter importer,
            FeedbackImporter feedback) {
        super(PHASE);
        this.properties = properties;
        this.projection = projection;
        this.importer = importer;
        this.feedback = feedback;
    }

    @Override
    protected void runAtStartup() {
        try {
            loadIfEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException("could not load the demo store", e);
        }
    }

    private void loadIfEmpty() throws IOException {
        JourneysProperties.Demo demo = properties.demo();
        if (!demo.loadOnStart() || projection.current().journeyCount() > 0) {
            return;
        }
        log.info("The database is empty: loading {} demo journeys (seed {})", demo.journeys(), demo.seed());
        Path csv = Files.createTempFile("journeys-demo", ".csv");
        try {
            DemoCsvWriter.write(new DemoStore(demo.seed()), demo.journeys(), csv);
            ImportReport report;
            try (InputStream input = Files.newInputStream(csv)) {
                // The demo is generated whole: every journey is finished, none waits for more events.
                report = importer.importEvents(input, EventImporter.Format.CSV,
                        ImportOptions.defaults(properties.ingest().sessionGap()).withOpenHorizon(Duration.ZERO));
            }
            log.info("Demo store loaded: {} journeys, {} events in {} ms", report.journeysCreated(),
                    report.eventsImported(), report.millis());
        } finally {
            Files.deleteIfExists(csv);
        }
        Path survey = Files.createTempFile("journeys-demo-survey", ".csv");
        try {
            new DemoSurvey(demo.seed()).write(demo.journeys(), survey);
            FeedbackReport answers;
            try (InputStream input = Files.newInputStream(survey)) {
                answers = feedback.importFeedback(input, EventImporter.Format.CSV, FeedbackOptions.defaults());
            }
            log.info("Demo survey loaded: {} answers ({} joined to journeys) in {} ms", answers.imported(),
                    answers.matched(), answers.millis());
        } finally {
            Files.deleteIfExists(survey);
        }
    }
}
