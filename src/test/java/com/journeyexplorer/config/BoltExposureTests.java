package com.journeyexplorer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Bolt on the network needs a password: the settings refuse to bind otherwise, so the app does not start. */
class BoltExposureTests {

    private static JourneysProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("journeys",
                JourneysProperties.class);
    }

    @Test
    void refusesANetworkAddressWithoutPassword() {
        assertThatThrownBy(() -> bind(Map.of("journeys.neo4j.embedded.bolt-address", "0.0.0.0")))
                .rootCause().hasMessageContaining("journeys.neo4j.embedded.password");
    }

    @Test
    void refusesAShortPassword() {
        assertThatThrownBy(() -> bind(Map.of("journeys.neo4j.embedded.bolt-address", "0.0.0.0",
                "journeys.neo4j.embedded.password", "short"))).rootCause().hasMessageContaining("8 characters");
    }

    @Test
    void acceptsANetworkAddressWithPasswordAndLoopbackWithout() {
        var exposed = bind(Map.of("journeys.neo4j.embedded.bolt-address", "0.0.0.0",
                "journeys.neo4j.embedded.password", "long-enough")).neo4j().embedded();
        assertThat(exposed.authEnabled()).isTrue();
        var local = bind(Map.of("journeys.neo4j.embedded.bolt-address", "127.0.0.1")).neo4j().embedded();
        assertThat(local.authEnabled()).isFalse();
        assertThat(bind(Map.of()).neo4j().embedded().boltAddress()).isEqualTo("localhost");
    }

    @Test
    void needsNoPasswordWhenTheEmbeddedDatabaseIsOff() {
        var external = bind(Map.of("journeys.neo4j.embedded.enabled", "false",
                "journeys.neo4j.embedded.bolt-address", "0.0.0.0")).neo4j().embedded();
        assertThat(external.enabled()).isFalse();
    }
}
