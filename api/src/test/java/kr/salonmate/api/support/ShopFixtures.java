package kr.salonmate.api.support;

import java.time.Instant;
import java.util.UUID;
import kr.salonmate.api.account.AccountStore;
import kr.salonmate.api.account.Role;
import kr.salonmate.messages.review.ReviewId;
import kr.salonmate.messages.review.ReviewSource;
import kr.salonmate.messages.review.SyncReview;
import kr.salonmate.messages.shop.ShopId;
import org.axonframework.commandhandling.gateway.CommandGateway;

/** Members with a role in a shop, and reviews synced into it, without going through Google. */
public final class ShopFixtures {

    private final AccountStore accounts;
    private final CommandGateway commands;

    public ShopFixtures(AccountStore accounts, CommandGateway commands) {
        this.accounts = accounts;
        this.commands = commands;
    }

    /** Makes {@code member} (a signed-up user) a member of {@code owner}'s shop with {@code role}. */
    public void join(IntegrationTest.Owner owner, IntegrationTest.Owner member, Role role) {
        accounts.addMembership(UUID.fromString(owner.shopId()), "shop", UUID.fromString(member.userId()), role,
                Instant.now());
    }

    /** A review arriving from Google as it is there now; returns its id. */
    public ReviewId sync(IntegrationTest.Owner owner, String externalId, int rating, String comment, Instant createdAt) {
        ShopId shop = ShopId.of(owner.shopId());
        ReviewId id = ReviewId.derive(shop, ReviewSource.GOOGLE, externalId);
        commands.sendAndWait(new SyncReview(id, shop, ReviewSource.GOOGLE, externalId, "고객", rating, comment, "ko",
                createdAt, createdAt, null));
        return id;
    }
}
