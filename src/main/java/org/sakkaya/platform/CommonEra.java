package org.sakkaya.platform;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * A date or time of the API is in the Common Era, within the years Sakkaya can place in a Thai fiscal year. Thai
 * users write the Buddhist era (2563 for 2020) by habit; such a date is refused with a hint instead of being stored
 * five centuries ahead, where no report would ever count it.
 */
@Documented
@Constraint(validatedBy = CommonEra.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface CommonEra {
    int FIRST_YEAR = 1900;
    int LAST_YEAR = 2200;

    String message() default "must be a Common Era date from 1900 to 2200 (a Buddhist-era year such as 2563 is 2020)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<CommonEra, TemporalAccessor> {
        @Override
        public boolean isValid(TemporalAccessor value, ConstraintValidatorContext context) {
            if (value == null || !value.isSupported(ChronoField.YEAR)) {
                return true;
            }
            int year = value.get(ChronoField.YEAR);
            return year >= FIRST_YEAR && year <= LAST_YEAR;
        }
    }
}
