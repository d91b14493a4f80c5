package kr.salonmate.api.account;

import java.util.UUID;

public record Membership(UUID shopId, String shopName, Role role) {
}
