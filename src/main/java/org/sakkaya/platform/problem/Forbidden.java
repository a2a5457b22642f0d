package org.sakkaya.platform.problem;

/** 403: the caller knows the record exists (it is theirs, or in their scope) but may not do this to it. */
public class Forbidden extends DomainException {
    public Forbidden(String detail) {
        super(403, "forbidden", "Forbidden", detail);
    }
}
