package kr.salonmate.api.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kr.salonmate.api.support.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Each module owns its migrations (ADR 28): Axon's tables in {@code axon-postgres} ({@code db/axon}), the read
 * models in {@code query-side} ({@code db/query}), the sagas' tables in {@code ai-saga} ({@code db/saga}) and the
 * application's own in {@code api} ({@code db/migration}). One Flyway runs them all with one history table, so a
 * database migrated before the files moved (all but the sagas' in {@code db/migration}) must validate unchanged.
 */
class MigrationLocationsTest {

    /** Where the files lived before they moved: everything but the sagas' tables was the api's. */
    private static final List<String> MOVED_OR_KEPT = List.of("db/axon", "db/query", "db/migration");

    @TempDir
    Path oldApiLocation;

    @Test
    void aDatabaseMigratedWithTheOldLayoutValidatesAndHasNothingPendingUnderTheNewOne() throws IOException {
        for (String location : MOVED_OR_KEPT) {
            copyMigrations(location, oldApiLocation);
        }
        TestDatabase.Database db = TestDatabase.create("layout");
        try {
            int appliedBefore = flyway(db, "filesystem:" + oldApiLocation, "classpath:db/saga").migrate().migrationsExecuted;

            Flyway now = flyway(db, applicationLocations());
            now.validate();
            assertThat(now.info().pending()).isEmpty();
            assertThat(now.migrate().migrationsExecuted).isZero();
            assertThat(now.info().applied()).hasSize(appliedBefore);
        } finally {
            TestDatabase.drop(db);
        }
    }

    @Test
    void aNewDatabaseMigratesUnderTheNewLayoutAndValidates() throws IOException {
        TestDatabase.Database db = TestDatabase.create("layout");
        try {
            Flyway flyway = flyway(db, applicationLocations());
            int applied = flyway.migrate().migrationsExecuted;

            flyway.validate();
            assertThat(applied).isEqualTo(migrationFileCount());
            assertThat(flyway.info().applied()).extracting(MigrationInfo::getScript)
                    .contains("V1__axon.sql", "V2__read_models.sql", "V3__credentials.sql", "V4__accounts.sql");
        } finally {
            TestDatabase.drop(db);
        }
    }

    /** The locations the application configures ({@code spring.flyway.locations} in application.yml). */
    private static String[] applicationLocations() throws IOException {
        Object locations = new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"))
                .get(0).getProperty("spring.flyway.locations");
        String[] split = String.valueOf(locations).split(",");
        assertThat(split).contains("classpath:db/axon", "classpath:db/query", "classpath:db/saga",
                "classpath:db/migration");
        return split;
    }

    private static Flyway flyway(TestDatabase.Database db, String... locations) {
        return Flyway.configure().dataSource(db.url(), db.username(), db.password()).locations(locations).load();
    }

    private static Resource[] migrations(String location) throws IOException {
        return new PathMatchingResourcePatternResolver().getResources("classpath*:" + location + "/*.sql");
    }

    private static void copyMigrations(String location, Path target) throws IOException {
        for (Resource migration : migrations(location)) {
            try (InputStream in = migration.getInputStream()) {
                Files.copy(in, target.resolve(migration.getFilename()));
            }
        }
    }

    private static int migrationFileCount() throws IOException {
        int count = 0;
        for (String location : List.of("db/axon", "db/query", "db/saga", "db/migration")) {
            count += migrations(location).length;
        }
        return count;
    }
}
