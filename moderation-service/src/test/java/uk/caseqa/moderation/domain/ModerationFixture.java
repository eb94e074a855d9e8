package uk.caseqa.moderation.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import uk.caseqa.contracts.Grade;

/** Object mother: a completed audit awaiting moderation, and a moderator pool. */
final class ModerationFixture {

    static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    static final Duration WEEK = Duration.ofDays(7);
    static final String AUDITOR = "staff-tm-7";
    static final String MODERATOR = "staff-hos-1";

    private ModerationFixture() {
    }

    static Moderation.AuditFacts auditGraded(Grade grade) {
        return new Moderation.AuditFacts("audit-1", "bolton", "case-1", "svc-1", "team-1", AUDITOR, "staff-sw-1",
                "staff-sm-1", grade, List.of("quality-of-planning"), NOW.minus(Duration.ofHours(2)));
    }

    static Moderation awaitingDecision(Grade auditorGrade) {
        return Moderation.start(auditGraded(auditorGrade), List.of(new Candidate(MODERATOR, 0)), NOW, WEEK);
    }
}
