package kr.salonmate.api.config;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import kr.salonmate.integration.credentials.CryptoKeyProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The AES-256 key that encrypts stored OAuth tokens: {@code SALONMATE_CRYPTO_KEY}, or a key generated once
 * under the data directory for the embedded default. Losing it makes stored tokens unreadable (owners then
 * reconnect), so a cluster configures it explicitly and keeps it in its secret store.
 */
@Configuration
public class CryptoKeyConfiguration {

    @Bean
    CryptoKeyProvider cryptoKeyProvider(@Value("${salonmate.crypto.key:}") String configured,
                                        @Value("${salonmate.data-dir:./data}") String dataDir) {
        return CryptoKeyProvider.ofBase64(LocalSecrets.configuredOrPersisted(configured,
                Path.of(dataDir, "crypto.key"), CryptoKeyConfiguration::generate));
    }

    private static String generate() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
