package kr.salonmate.integration.credentials;

import javax.crypto.SecretKey;

import kr.salonmate.saga.SagaModule;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The vault and its key. The key comes from a {@link CryptoKeyProvider} bean when the application defines one,
 * else from {@code salonmate.crypto.key}. It is resolved on first use, so a node that never touches credentials
 * starts without one; a key that is present but malformed fails at start-up.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = SagaModule.ENABLED_PROPERTY, matchIfMissing = true)
public class CredentialsConfiguration {

    static final String KEY_PROPERTY = "salonmate.crypto.key";

    @Bean
    CredentialCipher credentialCipher(ObjectProvider<CryptoKeyProvider> providers, Environment environment) {
        String configured = environment.getProperty(KEY_PROPERTY);
        CryptoKeyProvider fromProperty = configured == null || configured.isBlank()
                ? null : CryptoKeyProvider.ofBase64(configured);
        return new CredentialCipher(new LazyKey(providers, fromProperty));
    }

    @Bean
    CredentialVault credentialVault(JdbcTemplate jdbcTemplate, CredentialCipher credentialCipher) {
        return new CredentialVault(jdbcTemplate, credentialCipher);
    }

    private static final class LazyKey implements java.util.function.Supplier<SecretKey> {
        private final ObjectProvider<CryptoKeyProvider> providers;
        private final CryptoKeyProvider fromProperty;
        private volatile SecretKey key;

        LazyKey(ObjectProvider<CryptoKeyProvider> providers, CryptoKeyProvider fromProperty) {
            this.providers = providers;
            this.fromProperty = fromProperty;
        }

        @Override
        public SecretKey get() {
            SecretKey k = key;
            if (k == null) {
                CryptoKeyProvider provider = providers.getIfUnique(() -> fromProperty);
                if (provider == null) {
                    throw new IllegalStateException("No credential encryption key: set " + KEY_PROPERTY
                            + " (base64 of 32 random bytes) or define a CryptoKeyProvider bean");
                }
                k = provider.key();
                key = k;
            }
            return k;
        }
    }
}
