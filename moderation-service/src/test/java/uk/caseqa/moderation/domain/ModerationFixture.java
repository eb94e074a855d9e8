package uk.caseqa.moderation.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import org.springframework.boot.context.properties.bind.Bindable;
import uk.caseqa.contracts.Grade;
import uk.caseqa.testsupport.ServiceConfiguration;

/** Object mother: the councils' profiles and calendar as configured in moderation-service.yml, and audits. */
final class ModerationFixture {

    static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    static final Instant DUE = NOW.plus(Duration.ofDays(7));
    static final String AUDITOR = "staff-tm-7";
    static final String MODERATOR = "staff-hos-1";
    static final ServiceConfiguration CONFIGURATION = ServiceConfiguration.of("moderation-service.yml");
    static final ModerationProfiles PROFILES = new ModerationProfiles(CONFIGURATION
            .bind("caseqa.moderation.profiles", Bindable.listOf(ModerationProfile.class)));
    static final WorkingDays WORKING_DAYS = new WorkingDays(new HashSet<>(CONFIGURATION
            .bind("caseqa.calendar.bank-holidays", Bindable.listOf(LocalDate.class))));

    private ModerationFixture() {
    }

    static ModerationProfile profile(String id) {
        return PROFILES.byId(id);
    }

    static Moderation.AuditFacts auditGraded(String auditId, Grade grade) {
        return new Moderation.AuditFacts(auditId, "swindon", "case-1", "svc-1", "team-1", AUDITOR, "staff-sw-1",
                "staff-sm-1", grade, List.of("quality-of-planning"), NOW.minus(Duration.ofHours(2)));
    }

    static Moderation.AuditFacts auditGraded(Grade grade) {
        return auditGraded("audit-1", grade);
    }

    /** A Swindon 2019 audit (every audit moderated, then a QA panel) with its moderator assigned; the grade triggers of the auditor raised. */
    static Moderation awaitingDecision(Grade auditorGrade) {
        return Moderation.start(auditGraded(auditorGrade), profile("swindon-2019"), List.of(new Candidate(MODERATOR, 0)),
                NOW, DUE);
    }
}
