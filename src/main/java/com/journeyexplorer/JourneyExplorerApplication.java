package com.journeyexplorer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class JourneyExplorerApplication {

    public static void main(String[] args) {
        SpringApplication.run(JourneyExplorerApplication.class, args);
    }
}
