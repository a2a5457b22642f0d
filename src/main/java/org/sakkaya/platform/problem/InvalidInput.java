package org.sakkaya.platform.problem;

import java.util.List;

/** 400: input a bean-validation annotation could not catch (a value that must match another field, say). */
public class InvalidInput extends DomainException {
    public InvalidInput(String field, String message) {
        super(400, "invalid-input", "Invalid input", field + ": " + message, List.of(new FieldError(field, message)));
    }
}
