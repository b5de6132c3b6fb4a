package com.journeyexplorer.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.journeyexplorer.graph.JourneyProjection;

/** Says once, after the projection and the demo data are loaded, that the app answers and where. */
@Component
class ReadyBanner {

    private static final Logger log = LoggerFactory.getLogger(ReadyBanner.class);

    private final JourneyProjection projection;

    ReadyBanner(JourneyProjection projection) {
        this.projection = projection;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (event.getApplicationContext() instanceof WebServerApplicationContext web) {
            log.info("Journey Explorer is ready on http://localhost:{} with {} journeys",
                    web.getWebServer().getPort(), projection.current().journeyCount());
        }
    }
}
