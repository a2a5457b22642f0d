package org.sakkaya.platform.problem;

/** 404: no such record, or one the caller may not know exists (the two are answered alike). */
public class NotFound extends DomainException {
    public NotFound(String what, String id) {
        super(404, "not-found", "Not found", what + " " + id + " was not found");
    }
}
