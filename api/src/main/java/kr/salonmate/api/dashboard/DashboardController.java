package kr.salonmate.api.dashboard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import kr.salonmate.api.account.Role;
import kr.salonmate.api.security.CurrentUser;
import kr.salonmate.api.security.ShopAccess;
import kr.salonmate.messages.review.DashboardView;
import kr.salonmate.messages.review.FetchDashboard;
import kr.salonmate.messages.shop.ShopId;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Dashboard")
public class DashboardController {

    private final ShopAccess access;
    private final QueryGateway queries;

    public DashboardController(ShopAccess access, QueryGateway queries) {
        this.access = access;
        this.queries = queries;
    }

    @GetMapping("/v1/shops/{shopId}/dashboard")
    @Operation(summary = "The shop's counters")
    public DashboardView dashboard(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID shopId) {
        ShopId shop = access.require(CurrentUser.of(jwt), shopId, Role.STAFF);
        return queries.query(new FetchDashboard(shop), ResponseTypes.instanceOf(DashboardView.class)).join();
    }
}
