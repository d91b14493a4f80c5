package kr.salonmate.integration.credentials;

/** No stored credential has that reference (never stored, or deleted). */
public class CredentialNotFound extends RuntimeException {

    public CredentialNotFound(String credentialRef) {
        super("No stored credential " + credentialRef);
    }
}
