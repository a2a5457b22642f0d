package org.sakkaya.workshop.control;

import java.util.List;
import org.sakkaya.platform.problem.DomainException;
import org.sakkaya.platform.problem.FieldError;

/** 422: attendance named people who hold no seat in the cohort. Every such row is listed; none of the request is kept. */
public class NotSeated extends DomainException {
    public NotSeated(List<FieldError> rows) {
        super(422, "not-seated", "Refused by a rule",
                rows.size() == 1 ? rows.get(0).field() + ": is not seated in this cohort"
                        : rows.size() + " people are not seated in this cohort", rows);
    }
}
