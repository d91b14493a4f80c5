package kr.salonmate.api.config;

import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * The embedded PostgreSQL starts in the background (see {@link SalonMateEnvironment}); the DataSource is handed
 * out only once it answers, so nothing (Flyway first) ever sees a database that is still starting.
 */
@Component
class EmbeddedDatabaseGate implements BeanPostProcessor {

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource) {
            SalonMateEnvironment.awaitEmbeddedDatabase();
        }
        return bean;
    }
}
