package kr.salonmate.api.security;

import java.util.UUID;
import kr.salonmate.api.account.AccountStore;
import kr.salonmate.api.account.Role;
import kr.salonmate.api.error.ApiException;
import kr.salonmate.messages.shop.ShopId;
import org.springframework.stereotype.Component;

/**
 * The check every shop-scoped endpoint and WebSocket topic makes: is this user a member of that shop, with at
 * least this role? A non-member and an unknown shop look the same (403), so ids of other shops leak nothing.
 */
@Component
public class ShopAccess {

    private final AccountStore accounts;

    public ShopAccess(AccountStore accounts) {
        this.accounts = accounts;
    }

    public ShopId require(CurrentUser user, UUID shopId, Role atLeast) {
        Role role = accounts.roleIn(shopId, user.id())
                .orElseThrow(() -> ApiException.forbidden("You are not a member of this shop"));
        if (!role.atLeast(atLeast)) {
            throw ApiException.forbidden("This needs the " + atLeast + " role or higher in this shop");
        }
        return new ShopId(shopId);
    }

    public boolean isMember(UUID userId, UUID shopId) {
        return accounts.roleIn(shopId, userId).isPresent();
    }
}
