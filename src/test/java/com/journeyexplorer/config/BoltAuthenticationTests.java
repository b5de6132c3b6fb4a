package com.journeyexplorer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.test.context.TestPropertySource;

import com.journeyexplorer.ApiTestSupport;

/** With a password, Bolt requires it, and the app's own connection uses it. */
@TestPropertySource(properties = {"journeys.neo4j.embedded.password=s3cret-pass",
        "journeys.neo4j.embedded.bolt-address=127.0.0.1"})
class BoltAuthenticationTests extends ApiTestSupport {

    @Autowired
    Neo4jConnectionDetails connection;

    @Autowired
    DatabaseManagementService dbms;

    @Test
    void theAppImportsAndReadsThroughItsAuthenticatedConnection() {
        Response response = post("/api/events", "text/csv",
                "journey_id,timestamp,touchpoint\nbolt-1,2026-03-01T10:00:00Z,Newsletter\n");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(graphChecksum()).contains("Journey=1");
    }

    @Test
    void boltRefusesClientsWithoutTheRightPassword() {
        URI uri = connection.getUri();
        assertThatThrownBy(() -> count(uri, AuthTokens.none())).isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> count(uri, AuthTokens.basic("neo4j", "neo4j")))
                .isInstanceOf(AuthenticationException.class);
        assertThat(count(uri, AuthTokens.basic("neo4j", "s3cret-pass"))).isGreaterThanOrEqualTo(0);
    }

    @Test
    void settingTheSamePasswordAgainAtTheNextStartIsFine() {
        assertThatCode(() -> EmbeddedNeo4jConfiguration.setPassword(dbms, "s3cret-pass")).doesNotThrowAnyException();
    }

    private static long count(URI uri, AuthToken auth) {
        try (var driver = GraphDatabase.driver(uri, auth); var session = driver.session()) {
            return session.run("MATCH (n) RETURN count(n) AS n").single().get("n").asLong();
        }
    }
}
