package kr.salonmate.integration.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class CredentialCipherTest {

    private static final String SECRET = "1//0gRefreshToken-토큰-with-unicode";

    private final CredentialCipher cipher = CredentialCipher.of(CryptoKeyProvider.ofBase64(randomKey()));

    @Test
    void aSecretComesBackAsItWasStored() {
        UUID id = UUID.randomUUID();

        byte[] blob = cipher.encrypt(id, SECRET);

        assertThat(cipher.decrypt(id, blob)).isEqualTo(SECRET);
    }

    @Test
    void theStoredBytesDoNotContainTheSecretAndDifferEveryTime() {
        UUID id = UUID.randomUUID();

        byte[] first = cipher.encrypt(id, SECRET);
        byte[] second = cipher.encrypt(id, SECRET);

        assertThat(first).isNotEqualTo(second); // a fresh IV each time
        assertThat(new String(first, StandardCharsets.ISO_8859_1)).doesNotContain("RefreshToken");
        assertThat(first.length).isEqualTo(1 + 12 + SECRET.getBytes(StandardCharsets.UTF_8).length + 16);
    }

    @Test
    void anotherKeyCannotReadIt() {
        UUID id = UUID.randomUUID();
        byte[] blob = cipher.encrypt(id, SECRET);
        CredentialCipher otherKey = CredentialCipher.of(CryptoKeyProvider.ofBase64(randomKey()));

        assertThatThrownBy(() -> otherKey.decrypt(id, blob))
                .isInstanceOf(CredentialUnreadable.class)
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void aTamperedCiphertextIsRefused() {
        UUID id = UUID.randomUUID();
        byte[] blob = cipher.encrypt(id, SECRET);
        blob[blob.length - 20] ^= 0x01;

        assertThatThrownBy(() -> cipher.decrypt(id, blob)).isInstanceOf(CredentialUnreadable.class);
    }

    @Test
    void aCiphertextMovedToAnotherCredentialIsRefused() {
        byte[] blob = cipher.encrypt(UUID.randomUUID(), SECRET);

        assertThatThrownBy(() -> cipher.decrypt(UUID.randomUUID(), blob)).isInstanceOf(CredentialUnreadable.class);
    }

    @Test
    void onlyA256BitBase64KeyIsAccepted() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> CryptoKeyProvider.ofBase64(shortKey))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> CryptoKeyProvider.ofBase64("not base64 at all!"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("not base64 at all!");
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
