package org.sakkaya.workshop.control;

import org.sakkaya.platform.problem.FieldError;
import org.sakkaya.platform.problem.RuleViolation;

/**
 * 422: not the session's current code. Its own type, so that the check-in use case can commit the failure count
 * while refusing the check-in.
 */
public class WrongCheckInCode extends RuleViolation {
    public WrongCheckInCode() {
        super("wrong-check-in-code", "This is not the current check-in code of this session",
                new FieldError("code", "is not this session's current code"));
    }
}
