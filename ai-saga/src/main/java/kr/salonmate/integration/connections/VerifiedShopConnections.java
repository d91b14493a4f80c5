package kr.salonmate.integration.connections;

import java.util.Optional;

import kr.salonmate.integration.credentials.CredentialKind;
import kr.salonmate.integration.credentials.CredentialVault;
import kr.salonmate.integration.google.GoogleApiException;
import kr.salonmate.integration.google.GoogleAuthRejected;
import kr.salonmate.integration.google.GoogleBusinessClient;
import kr.salonmate.integration.google.ReviewSync;
import kr.salonmate.integration.instagram.InstagramApiException;
import kr.salonmate.integration.instagram.InstagramGraphClient;
import kr.salonmate.messages.common.Actor;
import kr.salonmate.messages.shop.ConnectGoogleLocation;
import kr.salonmate.messages.shop.ConnectInstagramAccount;
import kr.salonmate.messages.shop.FindShop;
import kr.salonmate.messages.shop.ShopId;
import kr.salonmate.messages.shop.ShopView;
import kr.salonmate.saga.SagaModule;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * {@link ShopConnections} that checks each token with its service before it is stored: a token the service does not
 * accept never reaches the vault or the shop.
 */
@Component
@ConditionalOnBooleanProperty(name = SagaModule.ENABLED_PROPERTY, matchIfMissing = true)
class VerifiedShopConnections implements ShopConnections {

    private final ObjectProvider<GoogleBusinessClient> google;
    private final ObjectProvider<InstagramGraphClient> instagram;
    private final ObjectProvider<CredentialVault> vault;
    private final ObjectProvider<ReviewSync> sync;
    private final CommandGateway commands;
    private final QueryGateway queries;

    VerifiedShopConnections(ObjectProvider<GoogleBusinessClient> google, ObjectProvider<InstagramGraphClient> instagram,
                            ObjectProvider<CredentialVault> vault, ObjectProvider<ReviewSync> sync,
                            CommandGateway commands, QueryGateway queries) {
        this.google = google;
        this.instagram = instagram;
        this.vault = vault;
        this.sync = sync;
        this.commands = commands;
        this.queries = queries;
    }

    @Override
    public String connectGoogle(ShopId shop, String accountId, String locationId, String refreshToken, Actor actor) {
        GoogleBusinessClient client = google.getIfAvailable();
        CredentialVault credentials = vault.getIfAvailable();
        if (client == null || credentials == null) {
            throw new ConnectionUnavailable("This node does not talk to Google; try another node");
        }
        try {
            client.exchangeRefreshToken(refreshToken);
        } catch (GoogleAuthRejected e) {
            throw new TokenRejected("refreshToken", "Google did not accept this refresh token");
        } catch (GoogleApiException e) {
            throw new ConnectionUnavailable("Google could not be reached to check the token; try again shortly");
        }
        String previous = currentShop(shop).map(ShopView::google).map(ShopView.GoogleConnection::credentialRef)
                .orElse(null);
        String credentialRef = credentials.store(shop, CredentialKind.GOOGLE_REFRESH_TOKEN, refreshToken);
        commands.sendAndWait(new ConnectGoogleLocation(shop, accountId, locationId, credentialRef, actor));
        if (previous != null && !previous.equals(credentialRef)) {
            credentials.delete(previous); // the old token is of no use any more; do not keep secrets around
        }
        return credentialRef;
    }

    @Override
    public String connectInstagram(ShopId shop, String igUserId, String accessToken, Actor actor) {
        InstagramGraphClient client = instagram.getIfAvailable();
        CredentialVault credentials = vault.getIfAvailable();
        if (client == null || credentials == null) {
            throw new ConnectionUnavailable("This node does not talk to Instagram; try another node");
        }
        try {
            client.accountId(igUserId, accessToken);
        } catch (InstagramApiException e) {
            if (e.isTransient()) {
                throw new ConnectionUnavailable(
                        "Instagram could not be reached to check the token; try again shortly");
            }
            throw new TokenRejected("accessToken", "Instagram did not accept this access token for account "
                    + igUserId);
        }
        String previous = currentShop(shop).map(ShopView::instagram)
                .map(ShopView.InstagramConnection::credentialRef).orElse(null);
        String credentialRef = credentials.store(shop, CredentialKind.INSTAGRAM_ACCESS_TOKEN, accessToken);
        commands.sendAndWait(new ConnectInstagramAccount(shop, igUserId, credentialRef, actor));
        if (previous != null && !previous.equals(credentialRef)) {
            credentials.delete(previous);
        }
        return credentialRef;
    }

    @Override
    public void syncReviewsNow(ShopId shop) {
        ReviewSync reviewSync = sync.getIfAvailable();
        if (reviewSync == null) {
            throw new ConnectionUnavailable("This node does not run syncs; try another node");
        }
        reviewSync.syncNow(shop);
    }

    /** The shop as the read side has it now, to find the token a new connection replaces. */
    private Optional<ShopView> currentShop(ShopId shop) {
        return queries.query(new FindShop(shop), ResponseTypes.optionalInstanceOf(ShopView.class)).join();
    }
}
