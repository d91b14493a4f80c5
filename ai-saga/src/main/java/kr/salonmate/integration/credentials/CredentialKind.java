package kr.salonmate.integration.credentials;

/** What a stored secret is. Stored by name (varchar 32). */
public enum CredentialKind {
    GOOGLE_REFRESH_TOKEN,
    INSTAGRAM_ACCESS_TOKEN,
    TOSS_BILLING_KEY
}
