package kr.salonmate.messages.common;

import kr.salonmate.messages.privacy.PersonalData;
import kr.salonmate.messages.privacy.SubjectKind;
import java.util.Objects;
import java.util.UUID;

/**
 * Who did something: a person (with the name they had at that moment, so the audit trail stays true after
 * a rename), the language model, or the system itself (scheduled sync, auto-draft, auto-publish).
 */
public record Actor(ActorType type, UUID userId,
                    @PersonalData(kind = SubjectKind.USER, subject = "userId", erased = SubjectKind.DELETED_USER) String name) {

    public Actor {
        Objects.requireNonNull(type, "type");
        if (type == ActorType.USER) {
            Objects.requireNonNull(userId, "userId");
        }
    }

    public static Actor user(UUID userId, String name) {
        return new Actor(ActorType.USER, userId, name);
    }

    public static Actor system() {
        return new Actor(ActorType.SYSTEM, null, "SalonMate");
    }

    public static Actor ai(String model) {
        return new Actor(ActorType.AI, null, model);
    }
}
