package kr.salonmate.api.oauth;

/**
 * A sign-in that ends on the page with {@code /#/oauth?error=<code>} instead of a one-time code:
 * {@code INVALID_STATE} (unknown, replayed, expired or foreign state), {@code PROVIDER_ERROR} (the provider said
 * no, or its answer did not check out), {@code EMAIL_TAKEN} (the address belongs to an account that may not be
 * linked), {@code EMAIL_REQUIRED} (the provider shared no e-mail address).
 */
class SignInRefused extends RuntimeException {

    private final String code;

    SignInRefused(String code, String why) {
        super(why);
        this.code = code;
    }

    String code() {
        return code;
    }
}
