package com.journeyexplorer;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import com.journeyexplorer.cli.ImportCommand;

@SpringBootApplication
@ConfigurationPropertiesScan
public class JourneyExplorerApplication {

    /** Runs the app; {@code import FILE ...} runs the command-line import instead (see {@link ImportCommand}). */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("import")) {
            System.exit(ImportCommand.runOnTheConsole(Arrays.copyOfRange(args, 1, args.length)));
        }
        SpringApplication.run(JourneyExplorerApplication.class, args);
    }
}
