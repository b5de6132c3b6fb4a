package com.journeyexplorer.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import com.journeyexplorer.config.JourneysProperties;
import com.journeyexplorer.ingest.BulkEventLoader;
import com.journeyexplorer.ingest.BulkLoadRejectedException;
import com.journeyexplorer.ingest.ImportOptions;
import com.journeyexplorer.ingest.ImportRejectedException;
import com.journeyexplorer.ingest.InvalidImportOptionException;
import com.journeyexplorer.journey.PatternBudgetExceededException;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code import --bulk FILE...}: the first import into an empty store, without starting the app or its database.
 * Only the settings are read (as the app reads them: application.yml, environment, {@code --journeys.*} options);
 * the store in {@code journeys.data-dir} is checked to be empty and not in use, the files are read and validated
 * as one upload, and Neo4j's batch importer writes the store, which the app then opens as usual. Exit codes as
 * {@link ImportCommand}'s: 0 loaded, 1 rejected rows, 2 usage or environment error (a store in use or not empty).
 */
final class BulkLoadCommand {

    /** Binds the app's settings, and its JSON mapper for {@code --report=json}: no database, no web server. */
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(JourneysProperties.class)
    @ImportAutoConfiguration(JacksonAutoConfiguration.class)
    static class Settings {
    }

    /** The file in the store's {@code logs} folder (beside Neo4j's) that keeps the batch importer's output. */
    static final String IMPORTER_LOG = "bulk-import.log";

    private BulkLoadCommand() {
    }

    /**
     * Runs the bulk load of {@code files} with the import options read from {@code options} ({@code checked}, their
     * session gap still the stand-in), its outcome printed on {@code output} and its progress and errors on
     * {@code err}.
     */
    static int run(List<Path> files, Map<String, String> options, ImportOptions checked,
            List<String> springArgs, InputStream stdin, CommandOutput output, PrintStream err) {
        JourneysProperties properties;
        try (ConfigurableApplicationContext settings = new SpringApplicationBuilder(Settings.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                .properties(ImportCommand.QUIET).run(springArgs.toArray(String[]::new))) {
            properties = settings.getBean(JourneysProperties.class);
            output = output.withAppMapper(settings.getBean(JsonMapper.class));
        } catch (RuntimeException e) {
            return output.refusedUsage("the settings cannot be read: " + ImportCommand.rootMessage(e));
        }
        BatchImporterOutput importer = new BatchImporterOutput(properties.dataDir().resolve("logs")
                .resolve(IMPORTER_LOG), err);
        try (PrintStream importerOutput = new PrintStream(importer, true, StandardCharsets.UTF_8)) {
            long started = System.nanoTime();
            BulkEventLoader loader = new BulkEventLoader(properties, importerOutput);
            try {
                loader.requireEmptyStore();
            } catch (RuntimeException e) {
                // A store in use or not empty: nothing was written.
                return output.refusedStore(ImportCommand.rootMessage(e));
            }
            List<BulkEventLoader.Source> sources = new ArrayList<>();
            for (Path file : files) {
                sources.add(new BulkEventLoader.Source(file,
                        ImportCommand.format(options, file.getFileName().toString().toLowerCase(Locale.ROOT))));
            }
            BulkEventLoader.Loaded loaded = loader.load(sources,
                    ImportCommand.withSettings(checked, options, properties),
                    file -> ImportCommand.open(file, stdin, err));
            err.println();
            List<String> errorFiles = files.size() > 1 ? loaded.errorFiles()
                    : Collections.nCopies(loaded.report().errors().size(), ImportCommand.shownName(files.get(0)));
            return output.imported(loaded.report(), (System.nanoTime() - started) / 1e9, errorFiles, false);
        } catch (BulkLoadRejectedException e) {
            return output.rejected(e, files.size() > 1 ? e.files()
                    : Collections.nCopies(e.errors().size(), ImportCommand.shownName(files.get(0))));
        } catch (ImportRejectedException e) {
            return output.rejected(e, files.size() > 1 ? List.of()
                    : Collections.nCopies(e.errors().size(), ImportCommand.shownName(files.get(0))));
        } catch (InvalidImportOptionException e) {
            err.println();
            return output.refusedOption(e);
        } catch (PatternBudgetExceededException e) {
            err.println();
            return output.refusedExpression(e);
        } catch (RuntimeException | IOException e) {
            err.println();
            return output.failed(ImportCommand.rootMessage(e), importerLog(importer));
        }
    }

    /** Where the batch importer's output is, when it wrote any, or null. */
    private static String importerLog(BatchImporterOutput importer) {
        return importer.log() == null ? null : "The batch importer's output is in " + importer.log();
    }
}
