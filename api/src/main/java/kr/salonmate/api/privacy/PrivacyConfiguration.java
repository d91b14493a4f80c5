package kr.salonmate.api.privacy;

import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import kr.salonmate.integration.credentials.CryptoKeyProvider;
import kr.salonmate.query.EventDecoder;
import kr.salonmate.query.QuerySideModule;
import kr.salonmate.query.analytics.AnalyticsProjection;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Crypto-shredding of personal data in events (API.md "Privacy", ADR 20). */
@Configuration
public class PrivacyConfiguration {

    @Bean
    SubjectKeys subjectKeys(JdbcTemplate jdbc, CryptoKeyProvider master, Clock clock,
                            @Value("${salonmate.privacy.key-cache-ttl:PT1M}") Duration ttl,
                            @Value("${salonmate.privacy.key-cache-size:200000}") int size) {
        return new SubjectKeys(jdbc, master, clock, ttl, size);
    }

    @Bean
    ErasureNotices erasureNotices(DataSource dataSource, SubjectKeys keys) {
        return new ErasureNotices(dataSource, keys);
    }

    @Bean
    PersonalDataCipher personalDataCipher(SubjectKeys keys) {
        return new PersonalDataCipher(keys);
    }

    @Bean
    PersonalDataIntrospector personalDataIntrospector(PersonalDataCipher cipher) {
        return new PersonalDataIntrospector(cipher);
    }

    /** Analytics reads events with only the review texts opened (AnalyticsProjection#PERSONAL_DATA_READ). */
    @Bean(QuerySideModule.ANALYTICS_DECODER)
    @ConditionalOnBooleanProperty(name = QuerySideModule.ENABLED_PROPERTY, matchIfMissing = true)
    EventDecoder analyticsEventDecoder(@Qualifier("eventSerializer") Serializer serializer, PersonalDataCipher cipher) {
        return OpeningOnlyWhatIsRead.of(serializer, cipher, AnalyticsProjection.PERSONAL_DATA_READ);
    }
}
