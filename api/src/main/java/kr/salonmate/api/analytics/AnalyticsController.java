package kr.salonmate.api.analytics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import kr.salonmate.api.account.Role;
import kr.salonmate.api.shop.ShopDates;
import kr.salonmate.api.security.CurrentUser;
import kr.salonmate.api.security.ShopAccess;
import kr.salonmate.messages.analytics.AnalyticsBucket;
import kr.salonmate.messages.analytics.AnalyticsView;
import kr.salonmate.messages.analytics.FetchAnalytics;
import kr.salonmate.messages.shop.ShopId;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Analytics", description = "Review analytics, rebuilt from the events on demand")
public class AnalyticsController {

    private final ShopAccess access;
    private final QueryGateway queries;
    private final ShopDates dates;

    public AnalyticsController(ShopAccess access, QueryGateway queries, ShopDates dates) {
        this.access = access;
        this.queries = queries;
        this.dates = dates;
    }

    @GetMapping("/v1/shops/{shopId}/analytics")
    @Operation(summary = "Ratings, volume, replies, response times, AI-draft acceptance, sentiment and keywords",
            description = "`from`/`to` are dates, inclusive, in the shop's time zone (default: the last 30 days). "
                    + "Buckets are calendar days, weeks starting on Monday, or months in that zone; every bucket "
                    + "of the range is listed (`start` is its first day) and a review counts in the bucket of the "
                    + "day it was written. Sentiment and keywords cover the whole range. See docs/analytics.md.")
    public AnalyticsView analytics(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID shopId,
                                   @RequestParam(required = false) String from,
                                   @RequestParam(required = false) String to,
                                   @Parameter(schema = @Schema(implementation = AnalyticsBucket.class))
                                   @RequestParam(required = false) String bucket) {
        ShopId shop = access.require(CurrentUser.of(jwt), shopId, Role.MANAGER);
        AnalyticsBucket grouping = ShopDates.option("bucket", bucket, AnalyticsBucket.class);
        ShopDates.Range range = dates.range(shop, from, to);
        return queries.query(new FetchAnalytics(shop, range.from(), range.to(),
                        grouping == null ? AnalyticsBucket.DAY : grouping),
                ResponseTypes.instanceOf(AnalyticsView.class)).join();
    }
}
