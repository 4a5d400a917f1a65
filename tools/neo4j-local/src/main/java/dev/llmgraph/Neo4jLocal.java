package dev.llmgraph;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.kernel.impl.security.User;
import org.neo4j.logging.NullLogProvider;
import org.neo4j.memory.EmptyMemoryTracker;
import org.neo4j.server.security.auth.CommunitySecurityModule;
import org.neo4j.server.security.auth.FileUserRepository;
import org.neo4j.server.security.auth.LegacyCredential;

/**
 * Opens a persistent Neo4j database with Bolt on 127.0.0.1 and keeps it up until SIGTERM/SIGINT
 * or until standard input closes, so the database never outlives the Node process that started it.
 * Authentication is on: the password of user neo4j comes from the NEO4J_LOCAL_PASSWORD variable
 * (never argv, which other users can read in ps).
 *
 * Usage: Neo4jLocal <data-dir> <bolt-port> [page-cache-mb]
 */
public final class Neo4jLocal {
    private Neo4jLocal() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: Neo4jLocal <data-dir> <bolt-port> [page-cache-mb]");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        long pageCacheMb = args.length > 2 ? Long.parseLong(args[2]) : 256;
        String password = System.getenv("NEO4J_LOCAL_PASSWORD");
        if (password == null || password.length() < 8) {
            System.err.println("neo4j-local: NEO4J_LOCAL_PASSWORD must hold the password of user neo4j (8+ characters)");
            System.exit(2);
        }

        // A new store takes its first user from auth.ini, so Bolt never opens with the default password.
        boolean newStore = !Files.exists(home.resolve("data").resolve("databases").resolve("system"));
        if (newStore) writeInitialUser(home, password);

        System.out.println("neo4j-local opening the store");
        System.out.flush();
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb))
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "2 files")
                // Neo4j preallocates 256 MB per transaction log by default; this graph is a few MB.
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, ByteUnit.mebiBytes(16))
                // Bolt waits 5 s for its connections and 5 s for its threads on shutdown by default: every stop
                // (a test's, the bulk loader's) took 10.5 s. The service closes its driver before it stops Neo4j.
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ZERO)
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ZERO)
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            dbms.shutdown();
            stopped.countDown();
        }, "neo4j-local-shutdown"));

        // A store created before authentication was on keeps its old user: give it the password.
        if (!newStore) setPassword(dbms, password);
        // Fail fast if the default database did not come up, instead of printing a false ready line.
        dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally("RETURN 1");
        System.out.println("neo4j-local ready bolt://127.0.0.1:" + port);
        System.out.flush();

        watchParent(System.in);
        stopped.await();
    }

    /** What neo4j-admin dbms set-initial-password does: the system database reads it when first created. */
    private static void writeInitialUser(Path home, String password) throws Exception {
        Config config = Config.newBuilder().set(GraphDatabaseSettings.neo4j_home, home).build();
        Path file = CommunitySecurityModule.getInitialUserRepositoryFile(config);
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        FileUserRepository users = new FileUserRepository(
                new DefaultFileSystemAbstraction(), file, NullLogProvider.getInstance(), EmptyMemoryTracker.INSTANCE);
        users.start();
        users.create(new User("neo4j", null, LegacyCredential.forPassword(password), false, false));
        users.shutdown();
    }

    private static void setPassword(DatabaseManagementService dbms, String password) {
        try {
            dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
        } catch (RuntimeException e) {
            // Neo4j refuses to "change" a password to the one it already has: nothing to do then.
            if (!String.valueOf(e.getMessage()).contains("cannot be the same")) throw e;
        }
    }

    /** When the parent process dies its end of our stdin closes; exit so no orphan keeps the store locked. */
    private static void watchParent(InputStream in) {
        Thread watcher = new Thread(() -> {
            try {
                byte[] buffer = new byte[256];
                while (in.read(buffer) >= 0) {
                    // Discard; only end-of-stream matters.
                }
            } catch (IOException ignored) {
                // A broken pipe means the parent is gone, same as end-of-stream.
            }
            System.exit(0);
        }, "neo4j-local-parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }
}
