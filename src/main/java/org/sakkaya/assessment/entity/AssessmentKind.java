package org.sakkaya.assessment.entity;

/** Auto-graded: QUIZ, PRE_TEST, POST_TEST (pre and post share a pool, to measure the gain). Graded by trainers: ASSIGNMENT. */
public enum AssessmentKind {
    QUIZ, PRE_TEST, POST_TEST, ASSIGNMENT;

    public boolean autoGraded() {
        return this != ASSIGNMENT;
    }
}
