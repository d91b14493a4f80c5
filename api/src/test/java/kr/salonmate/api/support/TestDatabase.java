package kr.salonmate.api.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh, empty PostgreSQL database for one test context: on the machine's server at 127.0.0.1:5432 when one
 * answers, else on an embedded PostgreSQL started once per JVM. Never H2, never an in-memory event store.
 */
public final class TestDatabase {

    private static String serverUrl;
    private static EmbeddedPostgres embedded;

    private TestDatabase() {
    }

    public record Database(String url, String username, String password, String name) {
    }

    public static synchronized Database create(String prefix) {
        String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String admin = adminUrl();
        try (Connection c = DriverManager.getConnection(admin, "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name, e);
        }
        return new Database(admin.substring(0, admin.lastIndexOf('/') + 1) + name, "postgres", "", name);
    }

    /** Drops a database made here (for the benchmark's large one); open connections are closed by the server. */
    public static synchronized void drop(Database database) {
        try (Connection c = DriverManager.getConnection(adminUrl(), "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database.name() + " WITH (FORCE)");
        } catch (SQLException e) {
            // best effort: the JVM is going away
        }
    }

    private static String adminUrl() {
        if (serverUrl == null) {
            if (Ports.listens("127.0.0.1", 5432)) {
                serverUrl = "jdbc:postgresql://127.0.0.1:5432/postgres";
            } else {
                try {
                    embedded = EmbeddedPostgres.builder().start();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                serverUrl = "jdbc:postgresql://localhost:" + embedded.getPort() + "/postgres";
            }
        }
        return serverUrl;
    }
}
