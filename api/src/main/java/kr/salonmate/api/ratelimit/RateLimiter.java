package kr.salonmate.api.ratelimit;

import java.util.Map;
import java.util.UUID;
import kr.salonmate.api.error.ApiException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The three limits of API.md, in requests a minute: per user on the whole API ({@code SALONMATE_RATE_LIMIT_DEFAULT}),
 * per client IP on the auth endpoints ({@code SALONMATE_RATE_LIMIT_AUTH}) and per shop on on-demand reply drafts
 * ({@code SALONMATE_RATE_LIMIT_AI}); 0 switches a limit off. Where the counts live is {@link RateLimitStore}'s choice
 * (docs/decisions/0024-cluster.md): in Redis or PostgreSQL, shared by every node, or in this node's memory.
 */
@Component
public class RateLimiter {

    private final Buckets buckets;
    private final int perUser;
    private final int perIpOnAuth;
    private final int aiDraftsPerShop;

    public RateLimiter(Buckets buckets,
                       @Value("${salonmate.rate-limit.default:100}") int perUser,
                       @Value("${salonmate.rate-limit.auth:10}") int perIpOnAuth,
                       @Value("${salonmate.rate-limit.ai:20}") int aiDraftsPerShop) {
        this.buckets = buckets;
        this.perUser = perUser;
        this.perIpOnAuth = perIpOnAuth;
        this.aiDraftsPerShop = aiDraftsPerShop;
    }

    /** Seconds to wait before the user may call again, 0 when the call may go ahead. */
    long userRequest(UUID userId) {
        return perUser <= 0 ? 0 : buckets.take("user:" + userId, perUser);
    }

    /** Seconds to wait before this address may call an auth endpoint again, 0 when it may go ahead. */
    long authRequest(String clientAddress) {
        return perIpOnAuth <= 0 ? 0 : buckets.take("auth:" + clientAddress, perIpOnAuth);
    }

    /**
     * Counts an on-demand draft request of a shop, after its caller was found to be a member (so that nobody
     * else can use up a shop's allowance); throws 429 when the shop is over its limit.
     */
    public void requireAiDraftAllowance(UUID shopId) {
        long wait = aiDraftsPerShop <= 0 ? 0 : buckets.take("ai:" + shopId, aiDraftsPerShop);
        if (wait > 0) {
            throw new RateLimitedException("This shop asked for " + aiDraftsPerShop
                    + " drafts within a minute; try again in " + wait + " s", wait,
                    Map.of("limit", aiDraftsPerShop, "scope", "AI_DRAFTS_PER_SHOP"));
        }
    }

    /** 429 RATE_LIMITED; the handler adds {@code Retry-After}. */
    public static final class RateLimitedException extends ApiException {
        private final long retryAfterSeconds;

        public RateLimitedException(String message, long retryAfterSeconds, Map<String, Object> details) {
            super(HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED", message, details);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
