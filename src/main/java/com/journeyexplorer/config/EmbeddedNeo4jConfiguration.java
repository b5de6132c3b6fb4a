package com.journeyexplorer.config;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Runs Neo4j inside the app, with its Bolt connector on localhost (or, with a password, on the configured address),
 * and points Boot's own driver at it. Boot's driver
 * (and so everything that talks to the database) depends on the {@link Neo4jConnectionDetails} bean, which is made
 * from the running server: so Neo4j is always up before the first query and down after the last.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedNeo4jEnabled.class)
public class EmbeddedNeo4jConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4jConfiguration.class);

    @Bean(destroyMethod = "shutdown")
    DatabaseManagementService embeddedNeo4j(JourneysProperties properties) {
        Path home = properties.dataDir().toAbsolutePath().normalize();
        JourneysProperties.Embedded embedded = properties.neo4j().embedded();
        log.info("Starting embedded Neo4j in {}", home);
        // Without a password Bolt is unauthenticated, so JourneysProperties allows only a loopback address then.
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(embedded.boltAddress(), embedded.boltPort()))
                .setConfig(GraphDatabaseSettings.auth_enabled, embedded.authEnabled())
                .setConfig(GraphDatabaseSettings.pagecache_memory, embedded.pageCacheSize().toBytes())
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, embedded.preallocateTransactionLogs())
                .setConfig(GraphDatabaseSettings.memory_transaction_max_size, embedded.transactionMaxMemory().toBytes())
                // Cypher users' LOAD CSV reads file:/// URLs from this folder only.
                .setConfig(GraphDatabaseSettings.load_csv_file_url_root, home.resolve("import"))
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .setConfig(GraphDatabaseInternalSettings.udc_network_enabled, false)
                // Netty's default quiet period adds ~12 s to every shutdown.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .build();
        if (embedded.authEnabled()) {
            try {
                setPassword(dbms, embedded.password());
            } catch (RuntimeException e) {
                dbms.shutdown();
                throw e;
            }
        }
        return dbms;
    }

    /**
     * Gives Neo4j's user {@code neo4j} the configured password, at every start, so that a changed setting takes
     * effect. Runs through the embedded API on the system database, which needs no login; a fresh store's default
     * password ({@code neo4j}, change required) is thereby replaced moments after Bolt opens.
     */
    static void setPassword(DatabaseManagementService dbms, String password) {
        GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        try {
            system.executeTransactionally("ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
                    Map.of("password", password));
            log.info("Neo4j authentication is on: Bolt clients log in as neo4j with journeys.neo4j.embedded.password");
        } catch (QueryExecutionException e) {
            if (!String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("same")) {
                throw new IllegalStateException("cannot set the Neo4j password from journeys.neo4j.embedded.password: "
                        + e.getMessage(), e);
            }
            // Already this password (Neo4j refuses to "change" a password to itself).
        }
    }

    @Bean
    Neo4jConnectionDetails embeddedNeo4jConnectionDetails(DatabaseManagementService embeddedNeo4j,
            JourneysProperties properties) {
        var database = (GraphDatabaseAPI) embeddedNeo4j.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        var bolt = database.getDependencyResolver().resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT);
        JourneysProperties.Embedded embedded = properties.neo4j().embedded();
        URI uri = URI.create("bolt://" + connectHost(embedded.boltAddress()) + ":" + bolt.getPort());
        log.info("Embedded Neo4j is up; Bolt listens on {}:{}{}", embedded.boltAddress(), bolt.getPort(),
                embedded.authEnabled() ? " with authentication" : " without authentication");
        AuthToken auth = embedded.authEnabled() ? AuthTokens.basic("neo4j", embedded.password()) : AuthTokens.none();
        return new Neo4jConnectionDetails() {
            @Override
            public URI getUri() {
                return uri;
            }

            @Override
            public AuthToken getAuthToken() {
                return auth;
            }
        };
    }

    /** Where the app's own driver connects: localhost when Bolt listens on every interface or on loopback. */
    private static String connectHost(String boltAddress) {
        try {
            InetAddress address = InetAddress.getByName(boltAddress);
            if (address.isAnyLocalAddress() || address.isLoopbackAddress()) {
                return "localhost";
            }
            return address instanceof Inet6Address ? "[" + address.getHostAddress() + "]" : boltAddress;
        } catch (UnknownHostException e) {
            return boltAddress;
        }
    }
}
