package kr.salonmate.query.shop;

import java.util.function.Consumer;
import kr.salonmate.messages.billing.Plan;
import kr.salonmate.messages.billing.SubscriptionEnded;
import kr.salonmate.messages.billing.SubscriptionStarted;
import kr.salonmate.messages.shop.FindShop;
import kr.salonmate.messages.shop.GoogleLocationConnected;
import kr.salonmate.messages.shop.InstagramAccountConnected;
import kr.salonmate.messages.shop.ReplySettingsChanged;
import kr.salonmate.messages.shop.ReviewsSynced;
import kr.salonmate.messages.shop.ShopId;
import kr.salonmate.messages.shop.ShopRegistered;
import kr.salonmate.messages.shop.ShopView;
import kr.salonmate.query.QuerySideModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/** The shops: settings, Google and Instagram connections and last sync, kept idempotent by the shop's event sequence. */
@Component
@ConditionalOnBooleanProperty(name = QuerySideModule.ENABLED_PROPERTY, matchIfMissing = true)
@ProcessingGroup(ShopProjection.GROUP)
public class ShopProjection {

    public static final String GROUP = "shops";

    private final ShopRows rows;
    private final QueryUpdateEmitter emitter;

    ShopProjection(ShopRows rows, QueryUpdateEmitter emitter) {
        this.rows = rows;
        this.emitter = emitter;
    }

    @EventHandler
    void on(ShopRegistered e, @SequenceNumber long sequence) {
        if (rows.findById(e.shopId().value()).isEmpty()) {
            emit(rows.save(ShopRow.registered(e, sequence)));
        }
    }

    @EventHandler
    void on(ReplySettingsChanged e, @SequenceNumber long sequence) {
        change(e.shopId(), sequence, row -> row.settings(e.settings()));
    }

    @EventHandler
    void on(GoogleLocationConnected e, @SequenceNumber long sequence) {
        change(e.shopId(), sequence, row -> row.googleConnected(e));
    }

    @EventHandler
    void on(InstagramAccountConnected e, @SequenceNumber long sequence) {
        change(e.shopId(), sequence, row -> row.instagramConnected(e));
    }

    @EventHandler
    void on(ReviewsSynced e, @SequenceNumber long sequence) {
        change(e.shopId(), sequence, row -> row.synced(e.at()));
    }

    @EventHandler
    void on(SubscriptionStarted e) {
        rows.findById(e.shopId().value()).ifPresent(row -> row.plan(e.plan().name()));
    }

    @EventHandler
    void on(SubscriptionEnded e) {
        rows.findById(e.shopId().value()).ifPresent(row -> row.plan(Plan.FREE.name()));
    }

    @ResetHandler
    void reset() {
        rows.deleteAllInBatch();
    }

    private void change(ShopId shopId, long sequence, Consumer<ShopRow> change) {
        ShopRow row = rows.findById(shopId.value()).orElseThrow(() -> new IllegalStateException(
                "Shop " + shopId + " is not in the shop view: its event " + sequence + " came before ShopRegistered"));
        if (!row.hasSeen(sequence)) {
            change.accept(row);
            row.advanceTo(sequence);
            emit(row);
        }
    }

    /** Sent after commit; a command endpoint waits on it to answer with what its command did (api's ReadModels). */
    private void emit(ShopRow row) {
        ShopView view = row.toView();
        emitter.emit(FindShop.class, query -> query.shopId().equals(view.id()), view);
    }
}
