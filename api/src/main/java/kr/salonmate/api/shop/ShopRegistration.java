package kr.salonmate.api.shop;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import kr.salonmate.api.error.ApiException;
import java.util.UUID;
import kr.salonmate.api.account.AccountStore;
import kr.salonmate.api.account.Role;
import kr.salonmate.messages.common.Actor;
import kr.salonmate.messages.shop.RegisterShop;
import kr.salonmate.messages.shop.ShopId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A new shop: the Shop aggregate is registered and the caller becomes its OWNER in one transaction (the
 * command's unit of work joins it), so there is never a shop without an owner or a membership without a shop.
 */
@Service
public class ShopRegistration {

    private final CommandGateway commands;
    private final AccountStore accounts;
    private final Clock clock;

    public ShopRegistration(CommandGateway commands, AccountStore accounts, Clock clock) {
        this.commands = commands;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** The shop's IANA time zone; Asia/Seoul when none is given. */
    public static String timezoneOrDefault(String timezone) {
        if (timezone == null) {
            return "Asia/Seoul";
        }
        try {
            return ZoneId.of(timezone).getId();
        } catch (DateTimeException e) {
            throw ApiException.validation("timezone", "must be an IANA time zone such as Asia/Seoul");
        }
    }

    @Transactional
    public ShopId register(String name, String timezone, String locale, UUID ownerId, String ownerName) {
        ShopId shopId = ShopId.random();
        commands.sendAndWait(new RegisterShop(shopId, name.strip(), timezone, locale, Actor.user(ownerId, ownerName)));
        accounts.addMembership(shopId.value(), name.strip(), ownerId, Role.OWNER, clock.instant());
        return shopId;
    }
}
