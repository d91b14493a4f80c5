package kr.salonmate.query.shop;

import java.util.List;
import java.util.Optional;
import kr.salonmate.messages.shop.FindGoogleConnectedShops;
import kr.salonmate.messages.shop.FindShop;
import kr.salonmate.messages.shop.ShopView;
import kr.salonmate.query.QuerySideModule;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/** Answers from the shop view. */
@Component
@ConditionalOnBooleanProperty(name = QuerySideModule.ENABLED_PROPERTY, matchIfMissing = true)
public class ShopQueries {

    private final ShopRows rows;

    ShopQueries(ShopRows rows) {
        this.rows = rows;
    }

    /** No result (an empty {@code Optional}) for an unknown shop. */
    @QueryHandler
    public Optional<ShopView> handle(FindShop query) {
        return rows.findById(query.shopId().value()).map(ShopRow::toView);
    }

    /** Every shop with a Google location connected, in a stable order. */
    @QueryHandler
    public List<ShopView> handle(FindGoogleConnectedShops query) {
        return rows.findByGoogleLocationIdIsNotNullOrderByIdAsc().stream().map(ShopRow::toView).toList();
    }
}
