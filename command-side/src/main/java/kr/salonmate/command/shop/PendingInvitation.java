package kr.salonmate.command.shop;

import java.time.Instant;
import kr.salonmate.messages.shop.MemberRole;

/** An invitation the shop still waits on: to whom (normalized address), as what, until when. */
record PendingInvitation(String email, MemberRole role, Instant expiresAt) {

    boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
