package org.sakkaya.platform.problem;

/** 409: a duplicate, or the record is in a state that does not allow this. */
public class Conflict extends DomainException {
    public Conflict(String type, String detail) {
        super(409, type, "Conflict", detail);
    }

    public Conflict(String type, String detail, FieldError error) {
        super(409, type, "Conflict", detail, java.util.List.of(error));
    }
}
