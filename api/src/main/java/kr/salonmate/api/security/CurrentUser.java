package kr.salonmate.api.security;

import java.util.UUID;
import kr.salonmate.messages.common.Actor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

/** The signed-in user, read from the access token. */
public record CurrentUser(UUID id, String email, String name, boolean admin) {

    public static CurrentUser of(Jwt jwt) {
        return new CurrentUser(UUID.fromString(jwt.getSubject()), jwt.getClaimAsString("email"),
                jwt.getClaimAsString("name"), Boolean.TRUE.equals(jwt.getClaimAsBoolean("admin")));
    }

    /**
     * The id of the user whose access token this request carries, for filters that run before a controller;
     * {@code null} when the request is not signed in.
     */
    public static UUID idOfRequest() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof Jwt jwt ? UUID.fromString(jwt.getSubject()) : null;
    }

    public Actor actor() {
        return Actor.user(id, name);
    }
}
