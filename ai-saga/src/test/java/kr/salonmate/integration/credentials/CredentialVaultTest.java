package kr.salonmate.integration.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import kr.salonmate.messages.shop.ShopId;
import kr.salonmate.saga.testsupport.Postgres;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The vault against PostgreSQL, on the table of V3__credentials.sql. */
class CredentialVaultTest {

    private static final String SECRET = "1//0g-refresh-token-비밀";

    private final JdbcTemplate jdbc = new JdbcTemplate(Postgres.dataSource());
    private final CredentialVault vault = new CredentialVault(jdbc, CredentialCipher.of(CryptoKeyProvider.ofBase64(key())));

    @Test
    void aStoredSecretIsEncryptedAtRestAndRevealedByItsReference() {
        ShopId shop = ShopId.random();

        String ref = vault.store(shop, CredentialKind.GOOGLE_REFRESH_TOKEN, SECRET);

        Map<String, Object> row = jdbc.queryForMap("select * from credential where id = ?", UUID.fromString(ref));
        assertThat(row.get("shop_id")).isEqualTo(shop.value());
        assertThat(row.get("kind")).isEqualTo("GOOGLE_REFRESH_TOKEN");
        assertThat(row.get("created_at")).isNotNull();
        assertThat(new String((byte[]) row.get("ciphertext"), StandardCharsets.ISO_8859_1)).doesNotContain("refresh-token");
        assertThat(vault.reveal(ref)).isEqualTo(SECRET);
    }

    @Test
    void anUnknownOrMalformedReferenceIsNotFound() {
        assertThatThrownBy(() -> vault.reveal(UUID.randomUUID().toString())).isInstanceOf(CredentialNotFound.class);
        assertThatThrownBy(() -> vault.reveal("not-a-reference")).isInstanceOf(CredentialNotFound.class);
    }

    @Test
    void aRowCopiedOverAnotherIsRefused() {
        String first = vault.store(ShopId.random(), CredentialKind.GOOGLE_REFRESH_TOKEN, "first-secret");
        String second = vault.store(ShopId.random(), CredentialKind.GOOGLE_REFRESH_TOKEN, "second-secret");
        jdbc.update("update credential set ciphertext = (select ciphertext from credential where id = ?) where id = ?",
                UUID.fromString(first), UUID.fromString(second));

        assertThatThrownBy(() -> vault.reveal(second)).isInstanceOf(CredentialUnreadable.class)
                .hasMessageNotContaining("first-secret");
    }

    @Test
    void aDeletedCredentialIsGone() {
        String ref = vault.store(ShopId.random(), CredentialKind.INSTAGRAM_ACCESS_TOKEN, SECRET);

        vault.delete(ref);

        assertThatThrownBy(() -> vault.reveal(ref)).isInstanceOf(CredentialNotFound.class);
    }

    private static String key() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
