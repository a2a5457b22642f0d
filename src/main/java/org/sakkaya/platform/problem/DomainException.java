package org.sakkaya.platform.problem;

import java.util.List;

/**
 * A request the domain refuses, said in the domain's words. Mapped once, in {@link ProblemMappers}, to RFC 9457
 * problem+json with the status the subclass chooses. Never thrown for a fault of ours.
 */
public abstract class DomainException extends RuntimeException {
    private final int status;
    private final String type;
    private final String title;
    private final List<FieldError> errors;

    protected DomainException(int status, String type, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    protected DomainException(int status, String type, String title, String detail) {
        this(status, type, title, detail, List.of());
    }

    public int status() {
        return status;
    }

    /** A short slug; the problem's {@code type} is {@code urn:sakkaya:problem:<slug>}. */
    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
