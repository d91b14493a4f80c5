package kr.salonmate.integration.google;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import kr.salonmate.integration.credentials.CredentialNotFound;
import kr.salonmate.integration.credentials.CredentialUnreadable;
import kr.salonmate.integration.credentials.CredentialVault;
import kr.salonmate.messages.shop.ShopView.GoogleConnection;

/**
 * One shop's Google location, as the sagas and the sync need it: the refresh token is taken from the vault, the
 * access token from the client's cache; a 401 (expired/revoked access token) gets one more try with a new token,
 * which is safe even for the reply PUT because Google did not process an unauthenticated request.
 */
public class GoogleReviews {

    private final GoogleBusinessClient client;
    private final CredentialVault vault;
    private final MeterRegistry meters;

    public GoogleReviews(GoogleBusinessClient client, CredentialVault vault) {
        this(client, vault, new SimpleMeterRegistry());
    }

    public GoogleReviews(GoogleBusinessClient client, CredentialVault vault, MeterRegistry meters) {
        this.client = client;
        this.vault = vault;
        this.meters = meters;
    }

    /** All reviews of the connected location. */
    public List<GoogleReview> all(GoogleConnection connection) {
        return authorized(connection,
                token -> client.listReviews(connection.accountId(), connection.locationId(), token));
    }

    /**
     * All reviews of the connected location, handed to {@code page} a page at a time as Google serves them. Should
     * Google refuse the access token midway (it expired), the listing starts again from the first page with a new
     * token: a page may then be handed over twice.
     */
    public void eachPage(GoogleConnection connection, Consumer<List<GoogleReview>> page) {
        authorized(connection, token -> {
            client.eachReviewsPage(connection.accountId(), connection.locationId(), token, page);
            return null;
        });
    }

    /** The review as Google shows it now; empty when Google no longer has it (404). */
    public Optional<GoogleReview> find(GoogleConnection connection, String reviewId) {
        try {
            return Optional.of(authorized(connection,
                    token -> client.getReview(connection.accountId(), connection.locationId(), reviewId, token)));
        } catch (GoogleApiException e) {
            if (e.isNotFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Sets the owner's reply (one PUT; see {@link GoogleBusinessClient#putReply}), counted in
     * {@code salonmate_replies_published_total} when Google took it and in
     * {@code salonmate_replies_publish_errors_total} when it did not (retries included).
     */
    public GoogleReply reply(GoogleConnection connection, String reviewId, String text) {
        try {
            GoogleReply reply = authorized(connection,
                    token -> client.putReply(connection.accountId(), connection.locationId(), reviewId, text, token));
            meters.counter("salonmate.replies.published").increment();
            return reply;
        } catch (RuntimeException e) {
            meters.counter("salonmate.replies.publish.errors").increment();
            throw e;
        }
    }

    private <T> T authorized(GoogleConnection connection, Function<String, T> call) {
        String key = connection.credentialRef();
        String refreshToken;
        try {
            refreshToken = vault.reveal(key);
        } catch (CredentialNotFound | CredentialUnreadable e) {
            throw new GoogleAuthRejected(0, "CREDENTIAL_MISSING", "SalonMate has no usable Google authorization"
                    + " for this location any more. Reconnect Google in the shop settings.");
        }
        try {
            return call.apply(client.accessToken(key, refreshToken));
        } catch (GoogleApiException e) {
            if (e.status() != 401) {
                throw e;
            }
            client.forgetAccessToken(key);
            try {
                return call.apply(client.accessToken(key, refreshToken));
            } catch (GoogleApiException again) {
                if (again.status() == 401) {
                    throw new GoogleAuthRejected(401, again.googleStatus(), "Google does not accept SalonMate's"
                            + " authorization for this location. Reconnect Google in the shop settings.");
                }
                throw again;
            }
        }
    }
}
