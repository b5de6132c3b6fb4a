package com.journeyexplorer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.journeyexplorer.JourneyExplorerApplication;

/** The app's Neo4j driver is closed with a bounded wait before Spring's unbounded {@code close()}. */
class BoundedDriverCloseTests {

    @TempDir
    Path dataDir;

    @Test
    void closesTheAppsDriverSoThatSpringsCloseReturnsAtOnce() {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(JourneyExplorerApplication.class)
                .web(WebApplicationType.NONE).profiles("test")
                .run("--journeys.data-dir=" + dataDir, "--journeys.demo.load-on-start=false")) {
            Driver driver = app.getBean(Driver.class);
            BoundedDriverClose closer = app.getBean(BoundedDriverClose.class);
            assertThat(closer.requiresDestruction(driver)).isTrue();
            assertThat(closer.requiresDestruction(dataDir)).isFalse();
            driver.verifyConnectivity();

            closer.postProcessBeforeDestruction(driver, "neo4jDriver");

            assertThatThrownBy(driver::session).as("closed by the bounded close").isInstanceOf(
                    IllegalStateException.class);
            assertTimeoutPreemptively(Duration.ofSeconds(30), driver::close, "Spring's close() of a closed driver");
        }
    }

    @Test
    void givesUpWaitingForADriverThatNeverFinishesClosing() {
        AtomicInteger closeCalls = new AtomicInteger();
        Driver stuck = (Driver) Proxy.newProxyInstance(Driver.class.getClassLoader(), new Class<?>[] {Driver.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("closeAsync")) {
                        closeCalls.incrementAndGet();
                        return new CompletableFuture<Void>();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });

        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> new BoundedDriverClose(Duration.ofMillis(100))
                .postProcessBeforeDestruction(stuck, "stuck"));
        assertThat(closeCalls).hasValue(1);
    }
}
