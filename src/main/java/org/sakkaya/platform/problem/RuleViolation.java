package org.sakkaya.platform.problem;

import java.util.List;

/** 422: well-formed, but a rule of the domain refuses it. */
public class RuleViolation extends DomainException {
    public RuleViolation(String type, String detail) {
        super(422, type, "Refused by a rule", detail);
    }

    public RuleViolation(String type, String detail, FieldError error) {
        super(422, type, "Refused by a rule", detail, List.of(error));
    }
}
