package uk.caseqa.contracts;

/** Whose judgement a grade-triggered event rests on. */
public enum GradedBy {
    AUDITOR, MODERATOR, AUDITOR_AND_MODERATOR
}
