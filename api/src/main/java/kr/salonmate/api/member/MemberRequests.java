package kr.salonmate.api.member;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import kr.salonmate.api.account.Role;

/** Request bodies of the member endpoints. */
public final class MemberRequests {

    private MemberRequests() {
    }

    public record AddMemberBody(@NotBlank @Email @Size(max = 254) String email, @NotNull Role role) {
    }

    public record ChangeRoleBody(@NotNull Role role) {
    }

    public record AcceptInvitationBody(@NotBlank @Size(max = 200) String token) {

        @Override
        public String toString() {
            return "AcceptInvitationBody[token=…]"; // never let the token reach a log line
        }
    }
}
