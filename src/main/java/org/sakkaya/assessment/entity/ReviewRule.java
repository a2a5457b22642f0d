package org.sakkaya.assessment.entity;

/** When a trainee may see the right answers of a graded attempt. */
public enum ReviewRule {
    NEVER, AFTER_SUBMIT, AFTER_CLOSE
}
