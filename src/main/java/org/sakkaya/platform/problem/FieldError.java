package org.sakkaya.platform.problem;

/** One field's complaint in a 400 or 422 answer. */
public record FieldError(String field, String message) {
}
