package kr.salonmate.api.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals one personal value with its subject's key into a self-describing string,
 * {@code pd1:<subject>:<base64(iv + AES-GCM ciphertext + tag)>}, the subject being the associated data (a value
 * moved onto another subject does not decrypt). Reading a value that is not sealed gives it back unchanged: events
 * written before encryption was introduced, until the start-up re-encryption has rewritten them (ADR 20).
 */
public class PersonalDataCipher {

    static final String PREFIX = "pd1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    /**
     * One {@link Cipher} per thread, initialised again for each value. {@code Cipher.getInstance} looks the
     * transformation up among the security providers every time: in a profile of a replay a tenth of the decoding
     * thread went there (docs/benchmarks.md, "Replay").
     */
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance(TRANSFORMATION);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("No " + TRANSFORMATION + " in this JVM", e);
        }
    });

    private final SubjectKeys keys;
    private final SecureRandom random = new SecureRandom();

    public PersonalDataCipher(SubjectKeys keys) {
        this.keys = keys;
    }

    /** The value as it is stored: sealed, or the placeholder when the subject is erased already. */
    public String seal(String subject, String plain, String erased) {
        SecretKey key = keys.forWriting(subject);
        if (key == null) {
            return erased;
        }
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(subject.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] blob = ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
            return PREFIX + subject + ":" + Base64.getEncoder().withoutPadding().encodeToString(blob);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt personal data of " + subject + ": "
                    + e.getClass().getSimpleName());
        }
    }

    /** The plain value, or {@code erased} when its subject's key is gone. */
    public String open(String stored, String erased) {
        if (!isSealed(stored)) {
            return stored;
        }
        int colon = stored.lastIndexOf(':');
        String subject = stored.substring(PREFIX.length(), colon);
        SecretKey key = keys.forReading(subject);
        if (key == null) {
            return erased;
        }
        byte[] blob = Base64.getDecoder().decode(stored.substring(colon + 1));
        try {
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, blob, 0, IV_BYTES));
            cipher.updateAAD(subject.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(blob, IV_BYTES, blob.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Personal data of " + subject + " could not be decrypted (tampered?)");
        }
    }

    public static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(PREFIX) && stored.lastIndexOf(':') > PREFIX.length();
    }
}
