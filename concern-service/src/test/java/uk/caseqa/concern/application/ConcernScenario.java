package uk.caseqa.concern.application;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.dao.OptimisticLockingFailureException;
import uk.caseqa.concern.domain.ConcernProfile;
import uk.caseqa.concern.domain.ConcernProfiles;
import uk.caseqa.concern.domain.FollowUp;
import uk.caseqa.contracts.AuditAcceptedByPanel;
import uk.caseqa.contracts.AuditCompleted;
import uk.caseqa.contracts.AuditModerated;
import uk.caseqa.contracts.AuditType;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.contracts.EventJson;
import uk.caseqa.contracts.EventPayload;
import uk.caseqa.contracts.Grade;
import uk.caseqa.contracts.GradeChange;
import uk.caseqa.contracts.GradeInadequate;
import uk.caseqa.contracts.GradeRequiresImprovement;
import uk.caseqa.contracts.GradedBy;
import uk.caseqa.contracts.StaffRole;
import uk.caseqa.messaging.outbox.EventFactory;
import uk.caseqa.messaging.outbox.OutboxEvent;
import uk.caseqa.testsupport.MutableClock;
import uk.caseqa.testsupport.ServiceConfiguration;

/**
 * A council's grade-triggered process driven through the use cases, with the profiles read from concern-service.yml
 * itself, an in-memory store that checks versions as the real one does, and a clock the story moves.
 */
final class ConcernScenario {

    final MutableClock clock;
    final InMemoryFollowUps followUps = new InMemoryFollowUps();
    final Map<String, StaffRole> staff = new HashMap<>();
    final RespondingToGrades responding;
    final RecordingSafetyPlans safetyPlans;
    final ReviewingEarlyHelpConcerns earlyHelpReviews;
    final WatchingDeadlines deadlines;
    final String council;

    ConcernScenario(String council, Instant start) {
        this.council = council;
        this.clock = new MutableClock(start);
        ConcernProfiles profiles = profilesFromConfiguration();
        FollowUpEvents events = new FollowUpEvents(new EventFactory("concern-service", clock));
        responding = new RespondingToGrades(followUps, profiles, events, clock);
        safetyPlans = new RecordingSafetyPlans(followUps, profiles,
                (id, la) -> Optional.ofNullable(staff.get(id)), events, clock);
        deadlines = new WatchingDeadlines(followUps, profiles, events, clock);
        earlyHelpReviews = new ReviewingEarlyHelpConcerns(followUps, profiles,
                (id, la) -> Optional.ofNullable(staff.get(id)), events, clock);
    }

    static ConcernProfiles profilesFromConfiguration() {
        return new ConcernProfiles(ServiceConfiguration.of("concern-service.yml")
                .bind("caseqa.concern.profiles", Bindable.listOf(ConcernProfile.class)));
    }

    void after(Duration duration) {
        clock.advance(duration);
        deadlines.fireDue();
    }

    <T extends EventPayload> EventEnvelope<T> envelope(String subject, T data) {
        return EventEnvelope.of(UUID.randomUUID().toString(), "urn:caseqa:moderation-service", clock.instant(), subject,
                council, "corr-" + subject, data);
    }

    boolean gradedInadequate(String auditId, AuditType auditType) {
        return responding.gradeInadequate(envelope(auditId, new GradeInadequate(auditId, "case-" + auditId, "svc-1",
                "team-1", "staff-sm-1", GradedBy.AUDITOR_AND_MODERATOR, clock.instant(), "staff-sw-1", List.of(),
                auditType)));
    }

    boolean gradedInadequate(String auditId, List<String> domainsBelowGood) {
        return responding.gradeInadequate(envelope(auditId, new GradeInadequate(auditId, "case-" + auditId, "svc-1",
                "team-1", "staff-sm-1", GradedBy.AUDITOR_AND_MODERATOR, clock.instant(), "staff-sw-1",
                domainsBelowGood)));
    }

    boolean gradedRequiresImprovement(String auditId, List<String> domainsBelowGood) {
        return responding.gradeRequiresImprovement(envelope(auditId, new GradeRequiresImprovement(auditId,
                "case-" + auditId, "svc-1", "team-1", "staff-sm-1", "staff-sw-1", GradedBy.MODERATOR, clock.instant(),
                domainsBelowGood)));
    }

    boolean moderated(String auditId, Grade auditorGrade, Grade finalGrade) {
        return responding.auditModerated(envelope(auditId, new AuditModerated(auditId, "case-" + auditId, "svc-1",
                "team-1", "staff-hos-1", auditorGrade, finalGrade, GradeChange.between(auditorGrade, finalGrade),
                clock.instant(), "staff-tm-1", false)));
    }

    boolean acceptedByPanel(String auditId) {
        return responding.auditAcceptedByPanel(envelope(auditId, new AuditAcceptedByPanel(auditId, "case-" + auditId,
                "panel-1", clock.instant().plus(java.time.Duration.ofDays(2)))));
    }

    boolean audited(String followUpId, String auditId, AuditType auditType, Grade overall, Map<String, Grade> domains) {
        return responding.auditCompleted(envelope(auditId, new AuditCompleted(auditId, "case-x", "svc-1", "team-1",
                "staff-qa-1", "staff-sw-1", "staff-sm-1", overall, domains, true, clock.instant(), auditType,
                followUpId)));
    }

    FollowUp followUp(String id) {
        return followUps.find(id).orElseThrow();
    }

    /** Types of the events published so far, in order. */
    List<String> published() {
        return followUps.outbox.stream().map(OutboxEvent::type).toList();
    }

    /** The payloads of one type published so far. */
    @SuppressWarnings("unchecked")
    <T extends EventPayload> List<T> published(Class<T> type) {
        return followUps.outbox.stream().filter(e -> e.type().equals(type.getSimpleName()))
                .map(e -> (T) EventJson.read(e.json()).data()).toList();
    }

    /** In-memory store with the real one's rules: unique ids, version checked on update, events appended in order. */
    static final class InMemoryFollowUps implements FollowUps {
        private final Map<String, FollowUp> saved = new LinkedHashMap<>();
        private final Map<String, Instant> setAside = new HashMap<>();
        final List<OutboxEvent> outbox = new ArrayList<>();

        @Override
        public boolean insertIfAbsent(FollowUp followUp, List<OutboxEvent> events) {
            if (saved.containsKey(followUp.id())) {
                return false;
            }
            saved.put(followUp.id(), copy(followUp, 0L));
            outbox.addAll(events);
            return true;
        }

        @Override
        public void update(FollowUp followUp, List<OutboxEvent> events) {
            FollowUp current = saved.get(followUp.id());
            if (current == null || !current.version().equals(followUp.version())) {
                throw new OptimisticLockingFailureException(followUp.id() + " changed since it was read");
            }
            saved.put(followUp.id(), copy(followUp, followUp.version() + 1));
            outbox.addAll(events);
        }

        @Override
        public Optional<FollowUp> find(String id) {
            return Optional.ofNullable(saved.get(id)).map(f -> copy(f, f.version()));
        }

        @Override
        public List<FollowUp> openCasesOfConcern(String la, String serviceId, String teamId) {
            return saved.values().stream().filter(f -> f.kind() == FollowUp.Kind.CASE_OF_CONCERN)
                    .filter(f -> f.status() == FollowUp.Status.OPEN).toList();
        }

        @Override
        public List<String> withDeadlinesDueBy(Instant now) {
            return saved.values().stream().filter(f -> f.nextDueAt() != null && !f.nextDueAt().isAfter(now))
                    .filter(f -> !setAside.containsKey(f.id()) || !setAside.get(f.id()).isAfter(now))
                    .map(FollowUp::id).sorted().toList();
        }

        @Override
        public void setAsideDeadlines(String id, Instant until, String reason) {
            setAside.put(id, until);
        }

        private static FollowUp copy(FollowUp f, Long version) {
            return FollowUp.restore(f.id(), f.kind(), f.profileId(), f.facts(), f.status(), f.cycle(), f.openedAt(),
                    f.safetyPlan(), f.deadlines(), f.answeredBy(), f.dipSampleResults(), f.caseloadAuditRequested(),
                    f.history(), version, f.earlyHelpReview());
        }
    }
}
