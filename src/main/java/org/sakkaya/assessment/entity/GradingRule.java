package org.sakkaya.assessment.entity;

/** Which of several graded attempts counts: the best, the last, or their mean. */
public enum GradingRule {
    HIGHEST, LAST, AVERAGE
}
