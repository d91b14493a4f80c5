package kr.salonmate.api.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.nio.file.Path;
import java.text.ParseException;
import kr.salonmate.api.config.LocalSecrets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The RS256 key pair that signs access tokens. Configured as a JWK ({@code SALONMATE_JWT_KEY}, what every node
 * of a cluster must share), or generated on first start and kept under the data directory (the embedded default).
 */
@Component
public class JwtKeys {

    private final RSAKey signingKey;

    public JwtKeys(@Value("${salonmate.jwt.key:}") String configuredJwk,
                   @Value("${salonmate.data-dir:./data}") String dataDir) {
        String jwk = LocalSecrets.configuredOrPersisted(configuredJwk, Path.of(dataDir, "jwt-signing-key.json"),
                JwtKeys::generate);
        try {
            this.signingKey = RSAKey.parse(jwk);
        } catch (ParseException e) {
            throw new IllegalStateException("salonmate.jwt.key is not a valid RSA JWK", e);
        }
        if (!signingKey.isPrivate()) {
            throw new IllegalStateException("salonmate.jwt.key must contain the private key");
        }
    }

    private static String generate() {
        try {
            return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyIDFromThumbprint(true).generate().toJSONString();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public RSAKey signingKey() {
        return signingKey;
    }

    /** What {@code GET /v1/auth/jwks} publishes: the public half only. */
    public JWKSet publicJwks() {
        return new JWKSet(signingKey.toPublicJWK());
    }
}
