package kr.salonmate.api.member;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kr.salonmate.api.account.Role;

/** Response bodies of the member endpoints. */
public final class MemberResponses {

    private MemberResponses() {
    }

    public record MemberBody(UUID userId, String email, String name, Role role, Instant joinedAt) {
        static MemberBody of(MemberDirectory.Member m) {
            return new MemberBody(m.userId(), m.email(), m.name(), m.role(), m.joinedAt());
        }
    }

    public record InvitationBody(UUID id, String email, Role role, Instant invitedAt, Instant expiresAt) {
        static InvitationBody of(Invitations.Invitation i) {
            return new InvitationBody(i.id(), i.email(), i.role(), i.invitedAt(), i.expiresAt());
        }
    }

    public record MembersResponse(List<MemberBody> items, List<InvitationBody> invitations) {
    }

    /** Either {@code member} (an existing account, added at once) or {@code invitation} (mailed). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AddedResponse(MemberBody member, InvitationBody invitation) {
    }

    public record AcceptedResponse(UUID shopId, Role role) {
    }
}
