package kr.salonmate.query.billing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import kr.salonmate.messages.billing.BillingView;
import kr.salonmate.messages.billing.FetchBilling;
import kr.salonmate.messages.billing.Plan;
import kr.salonmate.messages.billing.SubscriptionStatus;
import kr.salonmate.query.QuerySideModule;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Answers {@link FetchBilling} from the billing tables; the newest 24 charges, newest first. */
@Component
@ConditionalOnBooleanProperty(name = QuerySideModule.ENABLED_PROPERTY, matchIfMissing = true)
public class BillingQueries {

    private final JdbcTemplate jdbc;
    /**
     * The account and its payments are read in one snapshot: the projection changes both in one transaction (a
     * payment confirmed and the plan it pays for), and two statements on their own could show the new plan with
     * the payment still pending if that transaction committed between them.
     */
    private final TransactionTemplate snapshot;

    BillingQueries(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
    }

    @QueryHandler
    public BillingView handle(FetchBilling query) {
        return snapshot.execute(status -> read(query));
    }

    private BillingView read(FetchBilling query) {
        List<BillingView.Payment> payments = jdbc.query("SELECT order_id, amount, status, occurred_at, failure_code,"
                        + " failure_message FROM billing_payment WHERE shop_id = ? ORDER BY occurred_at DESC,"
                        + " attempt DESC LIMIT 24",
                (rs, row) -> new BillingView.Payment(rs.getString("order_id"), rs.getLong("amount"),
                        rs.getString("status"), instant(rs, "occurred_at"), rs.getString("failure_code"),
                        rs.getString("failure_message")), query.shopId().value());
        List<BillingView> views = jdbc.query("SELECT * FROM billing_account WHERE shop_id = ?",
                (rs, row) -> new BillingView(Plan.valueOf(rs.getString("plan")),
                        SubscriptionStatus.valueOf(rs.getString("status")), rs.getString("zone"), 0,
                        rs.getInt("ai_used"), instant(rs, "period_start"), instant(rs, "period_end"),
                        instant(rs, "next_charge_at"), rs.getString("card_company"), rs.getString("card_last4"),
                        rs.getBoolean("quota_exceeded"), payments), query.shopId().value());
        return views.isEmpty() ? null : views.get(0);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
