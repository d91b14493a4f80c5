package kr.salonmate.integration.credentials;

/**
 * A stored credential could not be decrypted: the key changed, or the row was tampered with. The message never
 * contains the secret or the key.
 */
public class CredentialUnreadable extends RuntimeException {

    public CredentialUnreadable(String message, Throwable cause) {
        super(message, cause);
    }
}
