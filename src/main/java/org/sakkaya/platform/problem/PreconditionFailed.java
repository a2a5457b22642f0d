package org.sakkaya.platform.problem;

/** 412: the record changed since the client read it ({@code If-Match}); read it again before writing. */
public class PreconditionFailed extends DomainException {
    public PreconditionFailed(String type, String detail) {
        super(412, type, "Precondition failed", detail);
    }
}
