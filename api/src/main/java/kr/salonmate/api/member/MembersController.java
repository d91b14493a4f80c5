package kr.salonmate.api.member;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.UUID;
import kr.salonmate.api.account.Role;
import kr.salonmate.api.error.ApiException;
import kr.salonmate.api.security.CurrentUser;
import kr.salonmate.api.security.ShopAccess;
import kr.salonmate.messages.shop.ShopId;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Members and invitations of a shop. Each change answers once {@code shop_membership} (the table every access
 * check reads) shows it, so the next request of anybody, on any node, sees it: a removed member's is a 403.
 */
@RestController
@Tag(name = "Members", description = "Members of a shop, their roles, and invitations")
public class MembersController {

    private final ShopAccess access;
    private final ShopMembers members;
    private final MemberDirectory directory;
    private final Invitations invitations;
    private final Clock clock;

    public MembersController(ShopAccess access, ShopMembers members, MemberDirectory directory,
                             Invitations invitations, Clock clock) {
        this.access = access;
        this.members = members;
        this.directory = directory;
        this.invitations = invitations;
        this.clock = clock;
    }

    @GetMapping("/v1/shops/{shopId}/members")
    @Operation(summary = "The shop's members and its pending invitations (MANAGER or higher)")
    public MemberResponses.MembersResponse list(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID shopId) {
        access.require(CurrentUser.of(jwt), shopId, Role.MANAGER);
        return new MemberResponses.MembersResponse(
                directory.membersOf(shopId).stream().map(MemberResponses.MemberBody::of).toList(),
                invitations.pendingOf(shopId, clock.instant()).stream().map(MemberResponses.InvitationBody::of)
                        .toList());
    }

    @PostMapping("/v1/shops/{shopId}/members")
    @Operation(summary = "Add an account by its e-mail at once (told by mail), or invite an address that has no "
            + "account (mailed, valid 7 days). OWNER only; 409 CONFLICT when already a member or invited")
    public ResponseEntity<MemberResponses.AddedResponse> add(@AuthenticationPrincipal Jwt jwt,
                                                             @PathVariable UUID shopId,
                                                             @Valid @RequestBody MemberRequests.AddMemberBody body) {
        CurrentUser user = CurrentUser.of(jwt);
        ShopId shop = access.require(user, shopId, Role.OWNER);
        ShopMembers.Added added = members.add(shop, user, body.email(), body.role());
        MemberResponses.AddedResponse response = added.memberId() != null
                ? new MemberResponses.AddedResponse(MemberResponses.MemberBody.of(directory.awaitMember(shopId,
                        added.memberId(), m -> m.isPresent()).orElseThrow(MembersController::notYetReadable)), null)
                : new MemberResponses.AddedResponse(null, MemberResponses.InvitationBody.of(added.invitation()));
        return ResponseEntity.status(HttpStatus.CREATED).body(response);
    }

    @PutMapping("/v1/shops/{shopId}/members/{userId}")
    @Operation(summary = "Change a member's role (OWNER only); 409 LAST_OWNER when demoting the last OWNER")
    public MemberResponses.MemberBody changeRole(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID shopId,
                                                 @PathVariable UUID userId,
                                                 @Valid @RequestBody MemberRequests.ChangeRoleBody body) {
        CurrentUser user = CurrentUser.of(jwt);
        ShopId shop = access.require(user, shopId, Role.OWNER);
        members.changeRole(shop, user, userId, body.role());
        return MemberResponses.MemberBody.of(directory.awaitMember(shopId, userId,
                        m -> m.isPresent() && m.get().role() == body.role())
                .orElseThrow(MembersController::notYetReadable));
    }

    @DeleteMapping("/v1/shops/{shopId}/members/{userId}")
    @Operation(summary = "Remove a member (OWNER), or leave the shop (the member themself); "
            + "409 LAST_OWNER for the last OWNER. Their open live subscriptions of the shop end within 5 s")
    public ResponseEntity<Void> remove(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID shopId,
                                       @PathVariable UUID userId) {
        CurrentUser user = CurrentUser.of(jwt);
        ShopId shop = access.require(user, shopId, user.id().equals(userId) ? Role.STAFF : Role.OWNER);
        members.remove(shop, user, userId);
        directory.awaitMember(shopId, userId, m -> m.isEmpty());
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/v1/shops/{shopId}/invitations/{invitationId}")
    @Operation(summary = "Revoke a pending invitation (OWNER only); its token stops working")
    public ResponseEntity<Void> revoke(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID shopId,
                                       @PathVariable UUID invitationId) {
        CurrentUser user = CurrentUser.of(jwt);
        ShopId shop = access.require(user, shopId, Role.OWNER);
        members.revoke(shop, user, invitationId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/v1/invitations/accept")
    @Operation(summary = "Take up an invitation with the token from its mail. The signed-in account's e-mail must "
            + "be the invited one (else 403) and counts as verified from then on; used, expired or revoked: 410 GONE")
    public MemberResponses.AcceptedResponse accept(@AuthenticationPrincipal Jwt jwt,
                                                   @Valid @RequestBody MemberRequests.AcceptInvitationBody body) {
        CurrentUser user = CurrentUser.of(jwt);
        Invitations.Invitation invitation = members.accept(user, body.token());
        directory.awaitMember(invitation.shopId(), user.id(), m -> m.isPresent());
        return new MemberResponses.AcceptedResponse(invitation.shopId(), invitation.role());
    }

    private static ApiException notYetReadable() {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "UPSTREAM_UNAVAILABLE",
                "The change is saved but not readable yet; reload in a moment");
    }
}
