package kr.salonmate.query.support;

import com.zaxxer.hikari.HikariDataSource;
import kr.salonmate.query.QuerySideModule;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The smallest application around the query side: Boot's and Axon's auto-configuration (JPA event store on
 * PostgreSQL, Jackson serializer) and {@link QuerySideModule}, on a database of its own that Flyway fills with Axon's
 * tables ({@code db/axon}) and this module's ({@code db/query}) and that is dropped when the context closes.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(QuerySideModule.class)
public class QuerySideTestApplication {

    @Bean(destroyMethod = "close")
    TestPostgres.TestDatabase testDatabase() {
        return TestPostgres.createDatabase();
    }

    /** Depends on the database, so it is closed before the database is dropped. */
    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(TestPostgres.TestDatabase database) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(database.url());
        dataSource.setUsername(database.user());
        dataSource.setMaximumPoolSize(10);
        return dataSource;
    }
}
