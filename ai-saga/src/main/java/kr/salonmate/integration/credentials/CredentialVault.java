package kr.salonmate.integration.credentials;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.UUID;

import kr.salonmate.messages.shop.ShopId;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Secrets (Google refresh tokens, Instagram tokens) encrypted with AES-256-GCM in the {@code credential} table.
 * Messages and events carry only the reference this returns; the secret never leaves this class except to the
 * client that uses it, and is never logged.
 */
public class CredentialVault {

    private final JdbcTemplate jdbc;
    private final CredentialCipher cipher;

    public CredentialVault(JdbcTemplate jdbc, CredentialCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** Stores {@code secret} encrypted and returns its reference (a UUID string). */
    public String store(ShopId shopId, CredentialKind kind, String secret) {
        Objects.requireNonNull(shopId, "shopId");
        Objects.requireNonNull(kind, "kind");
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("secret is empty");
        }
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.update("insert into credential (id, shop_id, kind, ciphertext, created_at, updated_at) "
                        + "values (?, ?, ?, ?, ?, ?)",
                id, shopId.value(), kind.name(), cipher.encrypt(id, secret), now, now);
        return id.toString();
    }

    /** The secret behind {@code credentialRef}. */
    public String reveal(String credentialRef) {
        UUID id = parse(credentialRef);
        byte[] blob = jdbc.query("select ciphertext from credential where id = ?",
                rs -> rs.next() ? rs.getBytes(1) : null, id);
        if (blob == null) {
            throw new CredentialNotFound(credentialRef);
        }
        return cipher.decrypt(id, blob);
    }

    /** Forgets a credential (for example after a shop disconnects Google). */
    public void delete(String credentialRef) {
        jdbc.update("delete from credential where id = ?", parse(credentialRef));
    }

    private static UUID parse(String credentialRef) {
        try {
            return UUID.fromString(Objects.requireNonNull(credentialRef, "credentialRef"));
        } catch (IllegalArgumentException e) {
            throw new CredentialNotFound(credentialRef);
        }
    }
}
