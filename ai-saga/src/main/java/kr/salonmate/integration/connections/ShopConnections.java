package kr.salonmate.integration.connections;

import kr.salonmate.messages.common.Actor;
import kr.salonmate.messages.shop.ShopId;

/**
 * What the application asks of this module to connect a shop to Google or Instagram, and to sync its reviews now:
 * the one door to the clients, the credential vault and the review sync, which stay this module's own (ADR 0027).
 *
 * <p>Connecting checks the token with the service, stores it encrypted, tells the shop ({@code ConnectGoogleLocation}
 * / {@code ConnectInstagramAccount}) and deletes the token it replaces. The token is never echoed, logged or put in a
 * message.
 */
public interface ShopConnections {

    /**
     * Connects the shop to a Google Business Profile location.
     *
     * @return the new credential reference, which the shop view shows once it has caught up
     * @throws TokenRejected          Google did not accept the refresh token (field {@code refreshToken})
     * @throws ConnectionUnavailable Google could not be reached, or this node does not talk to Google
     */
    String connectGoogle(ShopId shop, String accountId, String locationId, String refreshToken, Actor actor);

    /**
     * Connects the shop to an Instagram professional account.
     *
     * @return the new credential reference, which the shop view shows once it has caught up
     * @throws TokenRejected          Instagram did not accept the access token for the account (field
     *                                {@code accessToken})
     * @throws ConnectionUnavailable Instagram could not be reached, or this node does not talk to Instagram
     */
    String connectInstagram(ShopId shop, String igUserId, String accessToken, Actor actor);

    /**
     * Syncs the shop's Google reviews now, in the background.
     *
     * @throws ConnectionUnavailable this node does not run syncs
     */
    void syncReviewsNow(ShopId shop);

    /** The service did not accept the token: the caller's input is wrong, not the service. */
    final class TokenRejected extends RuntimeException {

        private final String field;

        public TokenRejected(String field, String message) {
            super(message);
            this.field = field;
        }

        /** The request field that held the token. */
        public String field() {
            return field;
        }
    }

    /** The service, or this module on this node, is not there to answer: trying again (elsewhere) may help. */
    final class ConnectionUnavailable extends RuntimeException {

        public ConnectionUnavailable(String message) {
            super(message);
        }
    }
}
