package uk.caseqa.contracts;

/** How moderation moved the auditor's overall grade. */
public enum GradeChange {
    AGREED, UPGRADED, DOWNGRADED;

    public static GradeChange between(Grade auditorGrade, Grade finalGrade) {
        if (auditorGrade == finalGrade) {
            return AGREED;
        }
        return finalGrade.isBetterThan(auditorGrade) ? UPGRADED : DOWNGRADED;
    }
}
