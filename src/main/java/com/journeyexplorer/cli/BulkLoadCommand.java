package com.journeyexplorer.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import com.journeyexplorer.config.JourneysProperties;
import com.journeyexplorer.ingest.BulkEventLoader;
import com.journeyexplorer.ingest.BulkLoadRejectedException;
import com.journeyexplorer.ingest.ImportRejectedException;
import com.journeyexplorer.ingest.InvalidImportOptionException;
import com.journeyexplorer.journey.PatternBudgetExceededException;

/**
 * {@code import --bulk FILE...}: the first import into an empty store, without starting the app or its database.
 * Only the settings are read (as the app reads them: application.yml, environment, {@code --journeys.*} options);
 * the store in {@code journeys.data-dir} is checked to be empty and not in use, the files are read and validated
 * as one upload, and Neo4j's batch importer writes the store, which the app then opens as usual. Exit codes as
 * {@link ImportCommand}'s: 0 loaded, 1 rejected rows, 2 usage or environment error (a store in use or not empty).
 */
final class BulkLoadCommand {

    /** Binds the app's settings and nothing else: no database, no web server. */
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(JourneysProperties.class)
    static class Settings {
    }

    /** The file in the store's {@code logs} folder (beside Neo4j's) that keeps the batch importer's output. */
    static final String IMPORTER_LOG = "bulk-import.log";

    private BulkLoadCommand() {
    }

    static int run(List<Path> files, Map<String, String> options, Map<String, List<String>> repeated,
            List<String> springArgs, InputStream stdin, PrintStream out, PrintStream err) {
        JourneysProperties properties;
        try (ConfigurableApplicationContext settings = new SpringApplicationBuilder(Settings.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                .properties(ImportCommand.QUIET).run(springArgs.toArray(String[]::new))) {
            properties = settings.getBean(JourneysProperties.class);
        } catch (RuntimeException e) {
            err.println("error: the settings cannot be read: " + ImportCommand.rootMessage(e));
            return 2;
        }
        BatchImporterOutput importer = new BatchImporterOutput(properties.dataDir().resolve("logs")
                .resolve(IMPORTER_LOG), err);
        try (PrintStream importerOutput = new PrintStream(importer, true, StandardCharsets.UTF_8)) {
            long started = System.nanoTime();
            BulkEventLoader loader = new BulkEventLoader(properties, importerOutput);
            loader.requireEmptyStore();
            List<BulkEventLoader.Source> sources = new ArrayList<>();
            for (Path file : files) {
                sources.add(new BulkEventLoader.Source(file,
                        ImportCommand.format(options, file.getFileName().toString().toLowerCase(Locale.ROOT))));
            }
            BulkEventLoader.Loaded loaded = loader.load(sources,
                    ImportCommand.importOptions(options, repeated, properties),
                    file -> ImportCommand.open(file, stdin, err));
            err.println();
            ImportCommand.printSummary(out, loaded.report(), (System.nanoTime() - started) / 1e9,
                    files.size() > 1 ? loaded.errorFiles() : List.of());
            return 0;
        } catch (BulkLoadRejectedException e) {
            ImportCommand.printRejection(err, e, files.size() > 1 ? e.files() : List.of());
            return 1;
        } catch (ImportRejectedException e) {
            ImportCommand.printRejection(err, e, List.of());
            return 1;
        } catch (InvalidImportOptionException e) {
            err.println();
            err.println("error: --" + e.option() + " " + OptionWording.of(e.reason()));
            return 2;
        } catch (PatternBudgetExceededException e) {
            err.println();
            err.println("error: --" + e.parameter() + " " + e.reason());
            return 2;
        } catch (RuntimeException | IOException e) {
            // A store in use or not empty too (BulkLoadRefusedException): nothing was written.
            err.println();
            err.println("error: " + ImportCommand.rootMessage(e));
            if (importer.log() != null) {
                err.println("The batch importer's output is in " + importer.log());
            }
            return 2;
        }
    }
}
