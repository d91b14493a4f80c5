package kr.salonmate.api.ratelimit;

/** Token buckets by key, each holding up to {@code perMinute} tokens and refilling at that rate. */
interface Buckets {

    /** Takes one token; 0 when allowed, otherwise the whole seconds until a token is back (at least 1). */
    long take(String key, int perMinute);
}
