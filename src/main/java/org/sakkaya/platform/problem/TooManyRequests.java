package org.sakkaya.platform.problem;

/** 429 with {@code Retry-After}. */
public class TooManyRequests extends DomainException {
    private final long retryAfterSeconds;

    public TooManyRequests(String detail, long retryAfterSeconds) {
        super(429, "too-many-requests", "Too many requests", detail);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
