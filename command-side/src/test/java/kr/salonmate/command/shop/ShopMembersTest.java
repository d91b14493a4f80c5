package kr.salonmate.command.shop;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import kr.salonmate.command.InvalidCommand;
import kr.salonmate.messages.common.Actor;
import kr.salonmate.messages.shop.AcceptInvitation;
import kr.salonmate.messages.shop.AddMember;
import kr.salonmate.messages.shop.ChangeMemberRole;
import kr.salonmate.messages.shop.InvitationAccepted;
import kr.salonmate.messages.shop.InvitationRevoked;
import kr.salonmate.messages.shop.InviteMember;
import kr.salonmate.messages.shop.MemberAdded;
import kr.salonmate.messages.shop.MemberInvited;
import kr.salonmate.messages.shop.MemberRemoved;
import kr.salonmate.messages.shop.MemberRole;
import kr.salonmate.messages.shop.MemberRoleChanged;
import kr.salonmate.messages.shop.RemoveMember;
import kr.salonmate.messages.shop.ReplySettings;
import kr.salonmate.messages.shop.RevokeInvitation;
import kr.salonmate.messages.shop.ShopId;
import kr.salonmate.messages.shop.ShopRegistered;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The membership rules of a shop: who is in, as what, and how an invitation is taken up. */
class ShopMembersTest {

    static final Instant NOW = Instant.parse("2026-11-27T03:15:00Z");
    static final ShopId SHOP = ShopId.of("7d4f2c1e-0b9a-4f6e-9c33-1a2b3c4d5e6f");
    static final UUID OWNER_ID = UUID.fromString("33333333-3333-3333-3333-333333333333");
    static final Actor OWNER = Actor.user(OWNER_ID, "최원장");
    static final UUID DESIGNER_ID = UUID.fromString("44444444-4444-4444-4444-444444444444");
    static final Actor DESIGNER = Actor.user(DESIGNER_ID, "박디자이너");
    static final UUID INVITATION = UUID.fromString("55555555-5555-4555-8555-555555555555");
    static final Instant IN_7_DAYS = NOW.plus(Duration.ofDays(7));

    private FixtureConfiguration<Shop> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Shop.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static ShopRegistered registered() {
        return new ShopRegistered(SHOP, "헤어살롱 미소", "Asia/Seoul", "ko", OWNER, ReplySettings.defaults(), NOW);
    }

    static MemberAdded designerAdded(MemberRole role) {
        return new MemberAdded(SHOP, DESIGNER_ID, role, OWNER, NOW);
    }

    static MemberInvited invited(String email, Instant expiresAt) {
        return new MemberInvited(SHOP, INVITATION, email, MemberRole.STAFF, OWNER, expiresAt, NOW.minusSeconds(60));
    }

    static AcceptInvitation accept(String accountEmail) {
        return new AcceptInvitation(SHOP, INVITATION, DESIGNER_ID, accountEmail, DESIGNER);
    }

    // --- adding ---------------------------------------------------------------------------------------------

    @Test
    void anAccountIsAddedWithItsRole() {
        fixture.given(registered())
               .when(new AddMember(SHOP, DESIGNER_ID, "park@example.com", MemberRole.MANAGER, OWNER))
               .expectEvents(designerAdded(MemberRole.MANAGER));
    }

    @Test
    void aMemberCannotBeAddedTwice() {
        fixture.given(registered(), designerAdded(MemberRole.STAFF))
               .when(new AddMember(SHOP, DESIGNER_ID, "park@example.com", MemberRole.MANAGER, OWNER))
               .expectException(AlreadyMember.class)
               .expectNoEvents();
    }

    @Test
    void theFoundingOwnerIsAMemberAlready() {
        fixture.given(registered())
               .when(new AddMember(SHOP, OWNER_ID, "choi@example.com", MemberRole.STAFF, OWNER))
               .expectException(AlreadyMember.class);
    }

    @Test
    void anAddressWithAPendingInvitationIsNotAddedBesideIt() {
        fixture.given(registered(), invited("park@example.com", IN_7_DAYS))
               .when(new AddMember(SHOP, DESIGNER_ID, " Park@Example.com", MemberRole.STAFF, OWNER))
               .expectException(AlreadyInvited.class)
               .expectNoEvents();
    }

    @Test
    void aMemberNeedsARole() {
        fixture.given(registered())
               .when(new AddMember(SHOP, DESIGNER_ID, "park@example.com", null, OWNER))
               .expectException(InvalidCommand.class);
    }

    // --- roles ----------------------------------------------------------------------------------------------

    @Test
    void aRoleChangeRecordsTheOldAndTheNewRole() {
        fixture.given(registered(), designerAdded(MemberRole.STAFF))
               .when(new ChangeMemberRole(SHOP, DESIGNER_ID, MemberRole.MANAGER, OWNER))
               .expectEvents(new MemberRoleChanged(SHOP, DESIGNER_ID, MemberRole.MANAGER, MemberRole.STAFF, OWNER,
                       NOW));
    }

    @Test
    void theSameRoleAgainChangesNothing() {
        fixture.given(registered(), designerAdded(MemberRole.STAFF))
               .when(new ChangeMemberRole(SHOP, DESIGNER_ID, MemberRole.STAFF, OWNER))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void theLastOwnerCannotBeDemoted() {
        fixture.given(registered(), designerAdded(MemberRole.MANAGER))
               .when(new ChangeMemberRole(SHOP, OWNER_ID, MemberRole.MANAGER, OWNER))
               .expectException(LastOwner.class)
               .expectNoEvents();
    }

    @Test
    void anOwnerCanBeDemotedWhileAnotherOwnerRemains() {
        fixture.given(registered(), designerAdded(MemberRole.OWNER))
               .when(new ChangeMemberRole(SHOP, OWNER_ID, MemberRole.STAFF, DESIGNER))
               .expectEvents(new MemberRoleChanged(SHOP, OWNER_ID, MemberRole.STAFF, MemberRole.OWNER, DESIGNER, NOW));
    }

    @Test
    void aNonMembersRoleCannotBeChanged() {
        fixture.given(registered())
               .when(new ChangeMemberRole(SHOP, DESIGNER_ID, MemberRole.MANAGER, OWNER))
               .expectException(MemberNotFound.class);
    }

    // --- removing and leaving -------------------------------------------------------------------------------

    @Test
    void aMemberIsRemoved() {
        fixture.given(registered(), designerAdded(MemberRole.STAFF))
               .when(new RemoveMember(SHOP, DESIGNER_ID, OWNER))
               .expectEvents(new MemberRemoved(SHOP, DESIGNER_ID, MemberRole.STAFF, OWNER, NOW));
    }

    @Test
    void aMemberLeaves() {
        fixture.given(registered(), designerAdded(MemberRole.MANAGER))
               .when(new RemoveMember(SHOP, DESIGNER_ID, DESIGNER))
               .expectEvents(new MemberRemoved(SHOP, DESIGNER_ID, MemberRole.MANAGER, DESIGNER, NOW));
    }

    @Test
    void theLastOwnerCannotBeRemovedNorLeave() {
        fixture.given(registered(), designerAdded(MemberRole.MANAGER))
               .when(new RemoveMember(SHOP, OWNER_ID, OWNER))
               .expectException(LastOwner.class)
               .expectNoEvents();
    }

    @Test
    void anOwnerLeavesWhenAnotherOwnerRemains() {
        fixture.given(registered(), designerAdded(MemberRole.OWNER))
               .when(new RemoveMember(SHOP, OWNER_ID, OWNER))
               .expectEvents(new MemberRemoved(SHOP, OWNER_ID, MemberRole.OWNER, OWNER, NOW));
    }

    @Test
    void aRemovedOwnerNoLongerCountsAsOwner() {
        fixture.given(registered(), designerAdded(MemberRole.OWNER),
                       new MemberRemoved(SHOP, OWNER_ID, MemberRole.OWNER, OWNER, NOW))
               .when(new RemoveMember(SHOP, DESIGNER_ID, DESIGNER))
               .expectException(LastOwner.class);
    }

    @Test
    void aNonMemberCannotBeRemoved() {
        fixture.given(registered(), designerAdded(MemberRole.STAFF),
                       new MemberRemoved(SHOP, DESIGNER_ID, MemberRole.STAFF, OWNER, NOW))
               .when(new RemoveMember(SHOP, DESIGNER_ID, OWNER))
               .expectException(MemberNotFound.class);
    }

    // --- invitations ----------------------------------------------------------------------------------------

    @Test
    void anInvitationKeepsTheNormalizedAddress() {
        fixture.given(registered())
               .when(new InviteMember(SHOP, INVITATION, " Park@Example.COM ", MemberRole.STAFF, OWNER, IN_7_DAYS))
               .expectEvents(new MemberInvited(SHOP, INVITATION, "park@example.com", MemberRole.STAFF, OWNER,
                       IN_7_DAYS, NOW));
    }

    @Test
    void anAddressIsInvitedOnlyOnceWhileTheInvitationIsPending() {
        fixture.given(registered(), invited("park@example.com", IN_7_DAYS))
               .when(new InviteMember(SHOP, UUID.randomUUID(), "PARK@example.com", MemberRole.MANAGER, OWNER,
                       IN_7_DAYS))
               .expectException(AlreadyInvited.class)
               .expectNoEvents();
    }

    @Test
    void anAddressWhoseInvitationExpiredCanBeInvitedAgain() {
        UUID again = UUID.randomUUID();
        fixture.given(registered(), invited("park@example.com", NOW.minusSeconds(1)))
               .when(new InviteMember(SHOP, again, "park@example.com", MemberRole.STAFF, OWNER, IN_7_DAYS))
               .expectEvents(new MemberInvited(SHOP, again, "park@example.com", MemberRole.STAFF, OWNER, IN_7_DAYS,
                       NOW));
    }

    @Test
    void anInvitationNeedsAnAddress() {
        fixture.given(registered())
               .when(new InviteMember(SHOP, INVITATION, " ", MemberRole.STAFF, OWNER, IN_7_DAYS))
               .expectException(InvalidCommand.class);
    }

    @Test
    void aPendingInvitationIsAcceptedByTheInvitedAddress() {
        fixture.given(registered(), invited("park@example.com", IN_7_DAYS))
               .when(accept("PARK@example.com"))
               .expectEvents(new InvitationAccepted(SHOP, INVITATION, DESIGNER_ID, MemberRole.STAFF, DESIGNER, NOW));
    }

    @Test
    void anAcceptedInvitationMakesAMemberThatCanBeRemoved() {
        fixture.given(registered(), invited("park@example.com", IN_7_DAYS),
                       new InvitationAccepted(SHOP, INVITATION, DESIGNER_ID, MemberRole.STAFF, DESIGNER, NOW))
               .when(new RemoveMember(SHOP, DESIGNER_ID, OWNER))
               .expectEvents(new MemberRemoved(SHOP, DESIGNER_ID, MemberRole.STAFF, OWNER, NOW));
    }

    @Test
    void anInvitationIsAcceptedOnlyOnce() {
        fixture.given(registered(), invited("park@example.com", IN_7_DAYS),
                       new InvitationAccepted(SHOP, INVITATION, DESIGNER_ID, MemberRole.STAFF, DESIGNER, NOW))
               .when(accept("park@example.com"))
               .expectException(InvitationGone.class)
               .expectNoEvents();
    }

    @Test
    void anExpiredInvitationCannotBeAccepted() {
        fixture.given(registered(), invited("park@example.com", NOW))
               .when(accept("park@example.com"))
               .expectException(InvitationGone.class)
               .expectNoEvents();
    }

    @Test
    void aRevokedInvitationCannotBeAccepted() {
        fixture.given(registered(), invited("park@example.com", IN_7_DAYS),
                       new InvitationRevoked(SHOP, INVITATION, OWNER, NOW))
               .when(accept("park@example.com"))
               .expectException(InvitationGone.class)
               .expectNoEvents();
    }

    @Test
    void anotherAddressCannotAcceptTheInvitation() {
        fixture.given(registered(), invited("park@example.com", IN_7_DAYS))
               .when(accept("kim@example.com"))
               .expectException(InvitationForAnotherEmail.class)
               .expectNoEvents();
    }

    @Test
    void aMemberCannotAcceptAnInvitationToTheSameShop() {
        fixture.given(registered(), designerAdded(MemberRole.STAFF), invited("park@example.com", IN_7_DAYS))
               .when(accept("park@example.com"))
               .expectException(AlreadyMember.class);
    }

    @Test
    void aPendingInvitationIsRevoked() {
        fixture.given(registered(), invited("park@example.com", IN_7_DAYS))
               .when(new RevokeInvitation(SHOP, INVITATION, OWNER))
               .expectEvents(new InvitationRevoked(SHOP, INVITATION, OWNER, NOW));
    }

    @Test
    void anAcceptedInvitationCannotBeRevoked() {
        fixture.given(registered(), invited("park@example.com", IN_7_DAYS),
                       new InvitationAccepted(SHOP, INVITATION, DESIGNER_ID, MemberRole.STAFF, DESIGNER, NOW))
               .when(new RevokeInvitation(SHOP, INVITATION, OWNER))
               .expectException(InvitationNotFound.class)
               .expectNoEvents();
    }

    @Test
    void aRevokedAddressCanBeInvitedAgain() {
        UUID again = UUID.randomUUID();
        fixture.given(registered(), invited("park@example.com", IN_7_DAYS),
                       new InvitationRevoked(SHOP, INVITATION, OWNER, NOW))
               .when(new InviteMember(SHOP, again, "park@example.com", MemberRole.STAFF, OWNER, IN_7_DAYS))
               .expectEvents(new MemberInvited(SHOP, again, "park@example.com", MemberRole.STAFF, OWNER, IN_7_DAYS,
                       NOW));
    }
}
