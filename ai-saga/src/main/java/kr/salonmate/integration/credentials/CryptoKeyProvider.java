package kr.salonmate.integration.credentials;

import java.util.Base64;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Supplies the AES-256 key that encrypts stored credentials. The application provides one as a bean, or sets
 * {@code salonmate.crypto.key} (base64 of 32 random bytes, e.g. {@code openssl rand -base64 32}).
 */
@FunctionalInterface
public interface CryptoKeyProvider {

    SecretKey key();

    /** A provider for a base64-encoded 256-bit key; rejects anything else with a message that never shows the key. */
    static CryptoKeyProvider ofBase64(String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalArgumentException("salonmate.crypto.key is empty");
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("salonmate.crypto.key is not valid base64");
        }
        if (raw.length != 32) {
            throw new IllegalArgumentException(
                    "salonmate.crypto.key must be 32 bytes (256 bits) after base64 decoding, got " + raw.length);
        }
        SecretKey key = new SecretKeySpec(raw, "AES");
        return () -> key;
    }
}
