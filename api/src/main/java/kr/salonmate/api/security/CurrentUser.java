package kr.salonmate.api.security;

import java.util.UUID;
import kr.salonmate.messages.common.Actor;
import org.springframework.security.oauth2.jwt.Jwt;

/** The signed-in user, read from the access token. */
public record CurrentUser(UUID id, String email, String name, boolean admin) {

    public static CurrentUser of(Jwt jwt) {
        return new CurrentUser(UUID.fromString(jwt.getSubject()), jwt.getClaimAsString("email"),
                jwt.getClaimAsString("name"), Boolean.TRUE.equals(jwt.getClaimAsBoolean("admin")));
    }

    public Actor actor() {
        return Actor.user(id, name);
    }
}
