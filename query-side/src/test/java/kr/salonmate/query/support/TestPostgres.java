package kr.salonmate.query.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The PostgreSQL server tests run on: the machine's own on 127.0.0.1:5432 (user {@code postgres}, trust auth)
 * when it answers, otherwise an embedded one started once per JVM. Each test context gets a fresh database.
 * {@code -Dsalonmate.test.postgres=embedded} uses the embedded one even when the local server answers.
 */
public final class TestPostgres {

    private static final String LOCAL_HOST = "127.0.0.1";
    private static final int LOCAL_PORT = 5432;
    private static final String USER = "postgres";

    private static Server server;

    private TestPostgres() {
    }

    /** A new, empty database, dropped again when the returned handle is closed. */
    public static TestDatabase createDatabase() {
        Server on = server();
        String name = "qs_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        on.execute("CREATE DATABASE " + name);
        return new TestDatabase(on, name);
    }

    private static synchronized Server server() {
        if (server == null) {
            boolean embedded = "embedded".equals(System.getProperty("salonmate.test.postgres"));
            server = !embedded && localServerAnswers() ? new Server(LOCAL_HOST, LOCAL_PORT) : embeddedServer();
        }
        return server;
    }

    private static boolean localServerAnswers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LOCAL_HOST, LOCAL_PORT), 500);
        } catch (IOException e) {
            return false;
        }
        try (Connection connection = DriverManager.getConnection(
                "jdbc:postgresql://" + LOCAL_HOST + ":" + LOCAL_PORT + "/postgres", USER, "")) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private static Server embeddedServer() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the data directory is temporary
                }
            }));
            return new Server("localhost", postgres.getPort());
        } catch (IOException e) {
            throw new UncheckedIOException("No PostgreSQL on 127.0.0.1:5432 and the embedded one did not start", e);
        }
    }

    record Server(String host, int port) {

        String url(String database) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }

        void execute(String sql) {
            try (Connection connection = DriverManager.getConnection(url("postgres"), USER, "");
                 Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException("Failed: " + sql, e);
            }
        }
    }

    /** One test database. */
    public static final class TestDatabase implements AutoCloseable {

        private final Server server;
        private final String name;

        private TestDatabase(Server server, String name) {
            this.server = server;
            this.name = name;
        }

        public String url() {
            return server.url(name);
        }

        public String user() {
            return USER;
        }

        @Override
        public void close() {
            server.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
