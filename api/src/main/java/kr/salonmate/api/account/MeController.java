package kr.salonmate.api.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import kr.salonmate.api.error.ApiException;
import kr.salonmate.api.member.Invitations;
import kr.salonmate.api.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Auth")
public class MeController {

    private final AccountStore accounts;
    private final Invitations invitations;
    private final Clock clock;

    public MeController(AccountStore accounts, Invitations invitations, Clock clock) {
        this.accounts = accounts;
        this.invitations = invitations;
        this.clock = clock;
    }

    public record MeResponse(AuthController.UserBody user, boolean admin, List<MembershipBody> memberships,
                             List<InvitationBody> invitations) {
    }

    /** A pending invitation to the account's address; accept it with the token from its mail. */
    public record InvitationBody(UUID id, UUID shopId, String shopName, Role role) {
    }

    public record MembershipBody(UUID shopId, String shopName, Role role) {
    }

    @GetMapping("/v1/me")
    @Operation(summary = "The signed-in user, the shops they belong to and their pending invitations")
    public MeResponse me(@AuthenticationPrincipal Jwt jwt) {
        CurrentUser current = CurrentUser.of(jwt);
        UserAccount user = accounts.findById(current.id()).orElseThrow(() ->
                new ApiException(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "This account no longer exists"));
        List<MembershipBody> memberships = accounts.memberships(user.id()).stream()
                .map(m -> new MembershipBody(m.shopId(), m.shopName(), m.role())).toList();
        List<InvitationBody> invited = invitations.pendingFor(user.email(), clock.instant()).stream()
                .map(i -> new InvitationBody(i.id(), i.shopId(), i.shopName(), i.role())).toList();
        return new MeResponse(AuthController.UserBody.of(user), current.admin(), memberships, invited);
    }
}
