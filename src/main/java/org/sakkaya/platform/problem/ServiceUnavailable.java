package org.sakkaya.platform.problem;

/** Something this request needs outside Sakkaya (the mail server) cannot be reached now: 503 with {@code Retry-After}. */
public class ServiceUnavailable extends DomainException {
    private final long retryAfterSeconds;

    public ServiceUnavailable(String type, String detail, long retryAfterSeconds) {
        super(503, type, "Service unavailable", detail);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
