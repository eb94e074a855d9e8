package uk.caseqa.reporting.domain;

import java.util.Map;
import uk.caseqa.contracts.Grade;

/**
 * Cohen's kappa between auditors and moderators over the four grades: the agreement beyond what chance would give,
 * {@code (po - pe) / (1 - pe)}, from counts keyed {@code auditorGrade>moderatorGrade}.
 */
final class Kappa {

    private Kappa() {
    }

    /** Null when there are no pairs, or chance agreement is total (every grade the same on both sides). */
    static Double of(Map<String, Long> counts) {
        Grade[] grades = Grade.values();
        double n = 0;
        double agreed = 0;
        double[] rows = new double[grades.length];
        double[] cols = new double[grades.length];
        for (int a = 0; a < grades.length; a++) {
            for (int m = 0; m < grades.length; m++) {
                long c = counts.getOrDefault(grades[a].name() + ">" + grades[m].name(), 0L);
                n += c;
                rows[a] += c;
                cols[m] += c;
                if (a == m) {
                    agreed += c;
                }
            }
        }
        if (n == 0) {
            return null;
        }
        double po = agreed / n;
        double pe = 0;
        for (int g = 0; g < grades.length; g++) {
            pe += (rows[g] / n) * (cols[g] / n);
        }
        if (pe >= 1.0) {
            return null;
        }
        return Math.round((po - pe) / (1 - pe) * 1000.0) / 1000.0;
    }
}
