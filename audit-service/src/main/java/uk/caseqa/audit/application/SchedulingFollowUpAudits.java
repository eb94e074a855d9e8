package uk.caseqa.audit.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.springframework.stereotype.Service;
import uk.caseqa.audit.domain.Audit;
import uk.caseqa.audit.domain.CaseRecord;
import uk.caseqa.audit.domain.RegisteredCase;
import uk.caseqa.contracts.AuditType;
import uk.caseqa.contracts.CaseloadAuditRequested;
import uk.caseqa.contracts.DipSampleRequested;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.contracts.ReAuditScheduled;
import uk.caseqa.contracts.ShortAuditScheduled;
import uk.caseqa.contracts.StaffRole;
import uk.caseqa.messaging.outbox.EventFactory;
import uk.caseqa.messaging.staff.StaffReadModel;

/**
 * Use cases: the audits other services ask for become audits here, each with its deadline and the follow-up it
 * answers: the short re-audit of a case of concern, the short audit after Requires Improvement, the dip sample of a
 * social worker's other cases, the audit of their caseload. Ids derive from the request, so a redelivery adds none.
 * A request that cannot be met yet (case or auditor unknown) throws {@link NotKnownYet}: it is parked and tried again.
 */
@Service
public class SchedulingFollowUpAudits {

    private final CaseRegistry cases;
    private final Audits audits;
    private final uk.caseqa.audit.domain.AuditTemplates templates;
    private final StaffReadModel staff;
    private final EventFactory events;
    private final Clock clock;

    SchedulingFollowUpAudits(CaseRegistry cases, Audits audits, uk.caseqa.audit.domain.AuditTemplates templates,
            StaffReadModel staff, EventFactory events, Clock clock) {
        this.templates = templates;
        this.cases = cases;
        this.audits = audits;
        this.staff = staff;
        this.events = events;
        this.clock = clock;
    }

    public boolean reAuditScheduled(EventEnvelope<ReAuditScheduled> event) {
        ReAuditScheduled r = event.data();
        StaffRole by = r.reAuditBy() == null ? StaffRole.QA_MANAGER : r.reAuditBy();
        return followUp("short-" + r.caseOfConcernId() + "-" + r.cycle(), r.caseId(), event.localAuthority(),
                auditorFor(event.localAuthority(), r.caseId(), by), AuditType.SHORT, r.caseOfConcernId(), r.dueBy());
    }

    public boolean shortAuditScheduled(EventEnvelope<ShortAuditScheduled> event) {
        ShortAuditScheduled s = event.data();
        return followUp("short-" + s.followUpId() + "-" + s.cycle(), s.caseId(), event.localAuthority(),
                auditorFor(event.localAuthority(), s.caseId(), s.auditBy()), AuditType.SHORT, s.followUpId(), s.dueBy());
    }

    /**
     * {@code count} other open cases of the same worker, drawn reproducibly from the request; their team manager
     * audits. A redelivered request (after a partial failure, or with the caseload changed since) draws only what is
     * still missing from cases not sampled yet, so the sample never exceeds its count.
     */
    public int dipSampleRequested(EventEnvelope<DipSampleRequested> event) {
        DipSampleRequested d = event.data();
        java.util.Set<String> sampled = audits.answering(event.localAuthority(), d.followUpId()).stream()
                .filter(a -> a.auditType() == AuditType.DIP_SAMPLE).map(a -> a.auditedCase().caseId())
                .collect(java.util.stream.Collectors.toSet());
        int missing = d.count() - sampled.size();
        if (missing <= 0) {
            return 0;
        }
        List<RegisteredCase> others = new ArrayList<>(casesOf(event.localAuthority(), d.socialWorkerId()).stream()
                .filter(c -> !c.record().caseId().equals(d.caseId()))
                .filter(c -> !sampled.contains(c.record().caseId())).toList());
        java.util.Collections.shuffle(others, new Random(d.followUpId().hashCode()));
        int made = 0;
        for (RegisteredCase other : others.subList(0, Math.min(missing, others.size()))) {
            String auditor = auditorFor(event.localAuthority(), other.record(), d.requestedFrom());
            if (followUp("dip-" + d.followUpId() + "-" + other.record().caseId(), other.record().caseId(),
                    event.localAuthority(), auditor, AuditType.DIP_SAMPLE, d.followUpId(), d.dueBy())) {
                made++;
            }
        }
        return made;
    }

    /** Every open case of the worker is audited by its team manager (Wandsworth, 004 ¶33). */
    public int caseloadAuditRequested(EventEnvelope<CaseloadAuditRequested> event) {
        CaseloadAuditRequested c = event.data();
        Instant due = uk.caseqa.contracts.calendar.EnglishCalendar.plusDays(clock.instant(), 28);
        int made = 0;
        for (RegisteredCase open : casesOf(event.localAuthority(), c.socialWorkerId())) {
            if (followUp("caseload-" + c.followUpId() + "-" + open.record().caseId(), open.record().caseId(),
                    event.localAuthority(), open.record().teamManagerId(), AuditType.CASELOAD, c.followUpId(), due)) {
                made++;
            }
        }
        return made;
    }

    private boolean followUp(String auditId, String caseId, String localAuthority, String auditorId, AuditType type,
            String followUpId, Instant dueBy) {
        if (audits.find(auditId).isPresent()) {
            return false;
        }
        CaseRecord auditedCase = cases.find(localAuthority, caseId).orElseThrow(() -> new NotKnownYet(
                "case " + caseId + " of " + localAuthority + " is not known yet; cannot schedule " + auditId));
        if (auditorId.equals(auditedCase.socialWorkerId())) {
            // a team manager who holds the case themselves cannot audit it: their service manager does
            auditorId = auditedCase.serviceManagerId();
        }
        String template = templates.inForce(localAuthority, type,
                clock.instant().atZone(uk.caseqa.audit.domain.AuditProgramme.ENGLAND).toLocalDate()).reference();
        Audit audit = Audit.allocate(auditId, auditedCase, auditorId, "system", clock.instant(),
                new Audit.Allocation(type, null, followUpId, dueBy, dueBy, template));
        return audits.insertIfAbsent(audit, AuditEvents.of(events, audit));
    }

    private List<RegisteredCase> casesOf(String localAuthority, String socialWorkerId) {
        return cases.openCases(localAuthority).stream()
                .filter(c -> socialWorkerId.equals(c.record().socialWorkerId()))
                .sorted(Comparator.comparing(c -> c.record().caseId())).toList();
    }

    /**
     * Who does a follow-up audit of a case: the case's own team or service manager where the profile names that
     * role (Wandsworth's service managers, 004 ¶35), otherwise the council's holder of the role (its QA manager).
     */
    private String auditorFor(String localAuthority, String caseId, StaffRole role) {
        if (role != StaffRole.TEAM_MANAGER && role != StaffRole.SERVICE_MANAGER) {
            return roleHolder(localAuthority, role);
        }
        return auditorFor(localAuthority, cases.find(localAuthority, caseId).orElseThrow(() -> new NotKnownYet(
                "case " + caseId + " of " + localAuthority + " is not known yet; cannot choose its " + role)), role);
    }

    private String auditorFor(String localAuthority, CaseRecord auditedCase, StaffRole role) {
        return switch (role) {
            case TEAM_MANAGER -> auditedCase.teamManagerId();
            case SERVICE_MANAGER -> auditedCase.serviceManagerId();
            default -> roleHolder(localAuthority, role);
        };
    }

    private String roleHolder(String localAuthority, StaffRole role) {
        return staff.withRoles(localAuthority, List.of(role)).stream().map(StaffReadModel.Staff::staffId).sorted()
                .findFirst().orElseThrow(() -> new NotKnownYet("no " + role + " known in " + localAuthority
                        + " to do the audit"));
    }
}
