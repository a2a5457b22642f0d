package org.sakkaya.platform.problem;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.CONSTRUCTOR;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * An id in a request body (null, or blank where the field allows "none"): a UUID in lower case, as
 * {@link IdParameters} has ids in paths and query parameters. Record ids are kept in ASCII columns, where MariaDB can
 * neither compare text beyond ASCII (a bare 400 {@code bad-id} that named no field) nor store it (error 1366 at the
 * flush, a 500), and compares without case: an id in capitals found the record, and was stored in capitals, which
 * Java's {@code equals} then took for another record. Refused here, the answer names the field, before anything is
 * read or written.
 */
@Documented
@Constraint(validatedBy = RecordId.Validator.class)
@Target({METHOD, FIELD, ANNOTATION_TYPE, CONSTRUCTOR, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface RecordId {
    String message() default "must be an id";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The same test as paths and query parameters get. */
    class Validator implements ConstraintValidator<RecordId, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.isBlank() || IdParameters.recordId(value);
        }
    }
}
