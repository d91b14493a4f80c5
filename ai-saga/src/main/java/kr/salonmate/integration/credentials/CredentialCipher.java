package kr.salonmate.integration.credentials;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM for one secret at a time. The stored blob is {@code [version 0x01][12-byte random IV][ciphertext +
 * 16-byte tag]}; the credential's id is the associated data, so a ciphertext copied onto another row does not
 * decrypt. Thread-safe (a new {@link Cipher} per call).
 */
public final class CredentialCipher {

    private static final byte VERSION = 1;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final Supplier<SecretKey> key;
    private final SecureRandom random = new SecureRandom();

    public CredentialCipher(Supplier<SecretKey> key) {
        this.key = Objects.requireNonNull(key, "key");
    }

    public static CredentialCipher of(CryptoKeyProvider provider) {
        return new CredentialCipher((Supplier<SecretKey>) provider::key);
    }

    public byte[] encrypt(UUID credentialId, String secret) {
        Objects.requireNonNull(secret, "secret");
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key.get(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad(credentialId));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(1 + IV_BYTES + sealed.length).put(VERSION).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt credential " + credentialId + ": " + e.getClass().getSimpleName());
        }
    }

    public String decrypt(UUID credentialId, byte[] blob) {
        if (blob == null || blob.length < 1 + IV_BYTES + TAG_BITS / 8 || blob[0] != VERSION) {
            throw new CredentialUnreadable("Credential " + credentialId + " is not in a known format", null);
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key.get(), new GCMParameterSpec(TAG_BITS, blob, 1, IV_BYTES));
            cipher.updateAAD(aad(credentialId));
            byte[] plain = cipher.doFinal(blob, 1 + IV_BYTES, blob.length - 1 - IV_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            // AEADBadTagException: wrong key, or ciphertext/IV/associated data changed.
            throw new CredentialUnreadable("Credential " + credentialId
                    + " could not be decrypted (wrong key or tampered data)", null);
        }
    }

    private static byte[] aad(UUID credentialId) {
        return credentialId.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
