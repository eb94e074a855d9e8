package uk.caseqa.audit.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import uk.caseqa.audit.domain.Audit;
import uk.caseqa.audit.domain.AuditProgramme;
import uk.caseqa.audit.domain.AuditProgrammes;
import uk.caseqa.audit.domain.AuditTemplate;
import uk.caseqa.audit.domain.AuditTemplates;
import uk.caseqa.audit.domain.CaseRecord;
import uk.caseqa.audit.domain.CaseState;
import uk.caseqa.audit.domain.RegisteredCase;
import uk.caseqa.contracts.Cohort;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.contracts.EventPayload;
import uk.caseqa.contracts.StaffMemberRegistered;
import uk.caseqa.contracts.StaffRole;
import uk.caseqa.messaging.outbox.EventFactory;
import uk.caseqa.messaging.outbox.IdempotentUpserts;
import uk.caseqa.messaging.outbox.OutboxEvent;
import uk.caseqa.messaging.staff.StaffReadModel;
import uk.caseqa.testsupport.MutableClock;
import uk.caseqa.testsupport.ServiceConfiguration;
import uk.caseqa.testsupport.WireMongo;

/**
 * audit-service's use cases over in-memory audits and cases that keep the real store's rules (unique ids, versions
 * checked), the staff directory on the wire store, the councils' templates from audit-service.yml, a clock the story
 * moves. Several councils side by side.
 */
final class AuditUseCases implements AutoCloseable {

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-02T09:00:00Z"));
    final WireMongo store = new WireMongo();
    final StaffReadModel staff = new StaffReadModel(store.template(), new IdempotentUpserts(store.template()));
    final InMemoryAudits audits = new InMemoryAudits();
    final InMemoryCases cases = new InMemoryCases();
    final EventFactory events = new EventFactory("audit-service", clock);
    final AuditTemplates templates = templates();
    final AllocatingAudits allocating = new AllocatingAudits(cases, staff, audits, templates, events, clock,
            programmes());
    final TrackingActions tracking = new TrackingActions(audits, staff, clock, events);
    final SchedulingFollowUpAudits followUps = new SchedulingFollowUpAudits(cases, audits, templates, staff, events,
            clock);
    final InMemoryParkedRequests parked = new InMemoryParkedRequests();
    final ParkingFollowUpRequests parking = new ParkingFollowUpRequests(followUps, parked, clock);
    final CompletingAudits completing = new CompletingAudits(audits, programmes(), templates, events, clock);
    final SchedulingLeadersAudits leaders = new SchedulingLeadersAudits(programmes(), templates, cases, audits, staff,
            events, clock);

    static AuditProgrammes programmes() {
        return new AuditProgrammes(ServiceConfiguration.of("audit-service.yml")
                .bind("caseqa.audit.programmes", Bindable.listOf(AuditProgramme.class)));
    }

    static AuditTemplates templates() {
        return new AuditTemplates(ServiceConfiguration.of("audit-service.yml")
                .bind("caseqa.audit.templates", Bindable.listOf(AuditTemplate.class)));
    }

    <T extends EventPayload> EventEnvelope<T> envelope(String council, String subject, T data) {
        return EventEnvelope.of(UUID.randomUUID().toString(), "urn:caseqa:test", clock.instant(), subject, council,
                "corr-" + subject, data);
    }

    void staffMember(String council, String staffId, StaffRole role, String teamId) {
        staff.record(envelope(council, staffId, new StaffMemberRegistered(staffId, role, teamId,
                staffId + "@" + council + ".example")));
    }

    void staffMember(String council, String staffId, StaffRole role, String teamId, String serviceId) {
        staff.record(envelope(council, staffId, new StaffMemberRegistered(staffId, role, teamId,
                staffId + "@" + council + ".example", null, null, serviceId)));
    }

    /** An open case of the council, worked by {@code socialWorkerId} in team-1. */
    CaseRecord openCase(String council, String caseId, String socialWorkerId) {
        CaseRecord record = new CaseRecord(caseId, council, Cohort.CIN, "svc-1", "team-1", socialWorkerId,
                "staff-tm-1", "staff-sm-1", "staff-iro-1");
        cases.open.put(caseId, record);
        return record;
    }

    @Override
    public void close() {
        store.close();
    }

    /** Parked requests by event id, claimed as the store claims them. */
    static final class InMemoryParkedRequests implements ParkedRequests {
        final Map<String, Parked> saved = new LinkedHashMap<>();

        @Override
        public void park(Parked request) {
            saved.putIfAbsent(request.eventId(), request);
        }

        @Override
        public Optional<Parked> claimDue(Instant now, java.time.Duration claimFor) {
            Optional<Parked> due = saved.values().stream().filter(p -> !p.nextTryAt().isAfter(now)).findFirst();
            due.ifPresent(p -> saved.put(p.eventId(), new Parked(p.eventId(), p.localAuthority(), p.type(), p.json(),
                    p.reason(), p.parkedAt(), p.attempts(), now.plus(claimFor))));
            return due;
        }

        @Override
        public void remove(String eventId) {
            saved.remove(eventId);
        }

        @Override
        public void later(String eventId, int attempts, Instant nextTryAt, String reason) {
            Parked p = saved.get(eventId);
            saved.put(eventId, new Parked(eventId, p.localAuthority(), p.type(), p.json(), reason, p.parkedAt(),
                    attempts, nextTryAt));
        }

        @Override
        public void dueNow(String localAuthority, Instant now) {
            saved.replaceAll((id, p) -> p.localAuthority().equals(localAuthority) && p.nextTryAt().isAfter(now)
                    ? new Parked(id, p.localAuthority(), p.type(), p.json(), p.reason(), p.parkedAt(), p.attempts(), now)
                    : p);
        }

        @Override
        public long count() {
            return saved.size();
        }

        @Override
        public List<Parked> all(String localAuthority) {
            return saved.values().stream().filter(p -> p.localAuthority().equals(localAuthority)).toList();
        }
    }

    /** Audits by id, version-checked, with the events each write carried. */
    static final class InMemoryAudits implements Audits {
        final Map<String, Audit> saved = new LinkedHashMap<>();
        final List<OutboxEvent> outbox = new ArrayList<>();

        @Override
        public void save(Audit audit, List<OutboxEvent> events) {
            Audit current = saved.get(audit.auditId());
            if (audit.version() == null) {
                if (current != null) {
                    throw new DuplicateKeyException("audit " + audit.auditId() + " exists");
                }
            } else if (current == null || !current.version().equals(audit.version())) {
                throw new OptimisticLockingFailureException(audit.auditId() + " changed since it was read");
            }
            saved.put(audit.auditId(), copy(audit, audit.version() == null ? 0L : audit.version() + 1));
            outbox.addAll(events);
        }

        @Override
        public boolean insertIfAbsent(Audit audit, List<OutboxEvent> events) {
            if (saved.containsKey(audit.auditId())) {
                return false;
            }
            save(audit, events);
            return true;
        }

        @Override
        public Optional<Audit> find(String auditId) {
            return Optional.ofNullable(saved.get(auditId)).map(a -> copy(a, a.version()));
        }

        @Override
        public List<Audit> findByCase(String localAuthority, String caseId) {
            return saved.values().stream().filter(a -> a.localAuthority().equals(localAuthority))
                    .filter(a -> a.auditedCase().caseId().equals(caseId)).toList();
        }

        @Override
        public List<Audit> answering(String localAuthority, String followUpId) {
            return saved.values().stream().filter(a -> a.localAuthority().equals(localAuthority))
                    .filter(a -> followUpId.equals(a.followUpId())).toList();
        }

        @Override
        public List<Audit> workOf(String localAuthority, String staffId) {
            return saved.values().stream().filter(a -> a.localAuthority().equals(localAuthority))
                    .filter(a -> a.isWorkOf(staffId)).sorted(Comparator.comparing(Audit::allocatedAt)).toList();
        }

        @Override
        public List<Audit> ofCouncil(String localAuthority, String cycleId) {
            return saved.values().stream().filter(a -> a.localAuthority().equals(localAuthority))
                    .filter(a -> cycleId == null || cycleId.equals(a.cycleId()))
                    .sorted(Comparator.comparing(Audit::allocatedAt)).toList();
        }

        @Override
        public Map<String, Instant> lastAllocatedAt(String localAuthority, Collection<String> caseIds) {
            Map<String, Instant> last = new HashMap<>();
            saved.values().stream().filter(a -> a.localAuthority().equals(localAuthority))
                    .filter(a -> caseIds.contains(a.auditedCase().caseId()))
                    .forEach(a -> last.merge(a.auditedCase().caseId(), a.allocatedAt(), (x, y) -> x.isAfter(y) ? x : y));
            return last;
        }

        @Override
        public List<String> withDeadlinesDueBy(Instant now) {
            return saved.values().stream().filter(a -> a.nextDueAt() != null && !a.nextDueAt().isAfter(now))
                    .map(Audit::auditId).toList();
        }

        @Override
        public void setAsideDeadlines(String id, Instant until, String reason) {
        }

        @Override
        public Map<String, Integer> auditsPerAuditor(String cycleId) {
            Map<String, Integer> load = new HashMap<>();
            saved.values().stream().filter(a -> cycleId.equals(a.cycleId()))
                    .forEach(a -> load.merge(a.auditorId(), 1, Integer::sum));
            return load;
        }

        private static Audit copy(Audit a, Long version) {
            return Audit.restore(a.auditId(), a.auditedCase(), a.auditorId(), a.allocatedBy(), a.allocatedAt(),
                    a.completionDueBy(), a.moderationDueBy(), a.auditType(), a.cycleId(), a.followUpId(),
                    a.templateReference(), a.moderatorId(), a.status(), a.submission(), a.completedAt(),
                    a.returnReason(), a.draft(), a.actions(), a.overdueFired(), version, a.completionDays(), a.reflection());
        }
    }

    /** Open cases by id; a case can be made to fail once, as a case system that is briefly behind. */
    static final class InMemoryCases implements CaseRegistry {
        final Map<String, CaseRecord> open = new LinkedHashMap<>();
        final java.util.Set<String> notKnownYet = new java.util.HashSet<>();

        @Override
        public boolean apply(String caseId, String localAuthority, String eventId, UnaryOperator<CaseState> change) {
            throw new UnsupportedOperationException("cases are opened directly in these stories");
        }

        @Override
        public Optional<CaseRecord> find(String localAuthority, String caseId) {
            return notKnownYet.remove(caseId) ? Optional.empty() : Optional.ofNullable(open.get(caseId))
                    .filter(c -> c.localAuthority().equals(localAuthority));
        }

        @Override
        public List<CaseRecord> findInAnyCouncil(String caseId) {
            return notKnownYet.remove(caseId) || !open.containsKey(caseId) ? List.of() : List.of(open.get(caseId));
        }

        @Override
        public List<RegisteredCase> openCases(String localAuthority) {
            return open.values().stream().filter(c -> c.localAuthority().equals(localAuthority))
                    .map(c -> new RegisteredCase(c, Instant.parse("2026-01-05T09:00:00Z"), true)).toList();
        }
    }
}
