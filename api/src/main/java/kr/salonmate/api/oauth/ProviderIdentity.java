package kr.salonmate.api.oauth;

/**
 * Who the provider says signed in: its stable id for the person, the e-mail it knows (may be null) and whether it
 * vouches for that e-mail, a display name and a language for mails.
 */
public record ProviderIdentity(OAuthProvider provider, String subject, String email, boolean emailVerified,
                               String name, String locale) {

    @Override
    public String toString() {
        return "ProviderIdentity[" + provider + " " + subject + "]";
    }
}
