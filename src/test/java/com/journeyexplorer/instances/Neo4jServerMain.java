package com.journeyexplorer.instances;

import java.io.IOException;
import java.nio.file.Path;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * A Neo4j server for tests that need one without Docker: the embedded DBMS (the same {@code org.neo4j:neo4j} the app
 * runs inside itself) in a JVM of its own, with Bolt on localhost and no authentication. Arguments: the store folder
 * and the Bolt port ({@code 0} picks a free one). Prints {@code BOLT_PORT=<port>} once Bolt listens, and runs until its
 * standard input closes (the test that started it ended, or died) or it is killed.
 */
public final class Neo4jServerMain {

    /** The line the server prints once Bolt accepts connections, followed by the port. */
    public static final String READY = "BOLT_PORT=";

    private Neo4jServerMain() {
    }

    public static void main(String[] args) throws IOException {
        Path home = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("localhost", port))
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, 64L * 1024 * 1024)
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .setConfig(GraphDatabaseInternalSettings.udc_network_enabled, false)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(dbms::shutdown, "neo4j-shutdown"));
        var database = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        int bolt = database.getDependencyResolver().resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT).getPort();
        System.out.println(READY + bolt);
        System.out.flush();
        while (System.in.read() >= 0) {
            // runs until the parent closes the pipe
        }
        System.exit(0);
    }
}
