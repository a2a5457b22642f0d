package org.sakkaya.platform.problem;

/** 401: the credentials were wrong; the answer never says which part. */
public class Unauthenticated extends DomainException {
    public Unauthenticated(String detail) {
        super(401, "unauthenticated", "Unauthorized", detail);
    }
}
