package kr.salonmate.api.account;

import java.util.UUID;

public record UserAccount(UUID id, String email, String name, String passwordHash) {
}
