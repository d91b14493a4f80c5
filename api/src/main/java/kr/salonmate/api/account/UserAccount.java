package kr.salonmate.api.account;

import java.util.UUID;

/**
 * An account: its e-mail, name, password hash, the language its mails are in ({@code ko} or {@code en}) and
 * whether the e-mail was proven to be theirs.
 */
public record UserAccount(UUID id, String email, String name, String passwordHash, String locale,
                          boolean emailVerified) {

    public static UserAccount newAccount(UUID id, String email, String name, String passwordHash, String locale) {
        return new UserAccount(id, email, name, passwordHash, locale, false);
    }

    @Override
    public String toString() {
        return "UserAccount[id=" + id + "]";
    }
}
