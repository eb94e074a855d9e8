package uk.caseqa.audit.application;

import java.time.Clock;
import java.time.Period;
import java.util.NoSuchElementException;
import java.util.UUID;
import org.springframework.stereotype.Service;
import uk.caseqa.audit.domain.Audit;
import uk.caseqa.audit.domain.AuditProgramme;
import uk.caseqa.audit.domain.AuditProgrammes;
import uk.caseqa.audit.domain.AuditTemplates;
import uk.caseqa.audit.domain.CaseRecord;
import uk.caseqa.contracts.AuditType;
import uk.caseqa.messaging.outbox.EventFactory;
import uk.caseqa.messaging.staff.StaffReadModel;

/** Use case: the QA team allocates an audit of a case to an auditor. Publishes {@code AuditAllocated}. */
@Service
public class AllocatingAudits {

    private final CaseRegistry cases;
    private final StaffReadModel staff;
    private final Audits audits;
    private final EventFactory events;
    private final Clock clock;
    private final AuditProgrammes programmes;
    private final AuditTemplates templates;

    public AllocatingAudits(CaseRegistry cases, StaffReadModel staff, Audits audits, AuditTemplates templates,
            EventFactory events, Clock clock,
            AuditProgrammes programmes) {
        this.programmes = programmes;
        this.templates = templates;
        this.cases = cases;
        this.staff = staff;
        this.audits = audits;
        this.events = events;
        this.clock = clock;
    }

    private String templateFor(String localAuthority, AuditType auditType) {
        try {
            return templates.inForce(localAuthority, auditType, today()).reference();
        } catch (NoSuchElementException unknownType) {
            throw new IllegalArgumentException("auditType: no " + auditType + " audit template for " + localAuthority);
        }
    }

    /** Staff of another council are unknown here, whatever their id: 400 naming the field. */
    private void requireStaffOf(String localAuthority, String staffId, String field) {
        if (staff.find(localAuthority, staffId).filter(StaffReadModel.Staff::inPost).isEmpty()) {
            throw new IllegalArgumentException(field + ": " + staffId + " is not a member of staff of " + localAuthority);
        }
    }

    /**
     * The deadlines given at allocation (002 §7.1): the council's programme's, for audits allocated by hand as for
     * those of a cycle.
     */
    private Period completionTime(String localAuthority) {
        return Period.ofDays(programmes.inForce(localAuthority, today()).completionDays());
    }

    private Period moderationTime(String localAuthority) {
        return Period.ofDays(programmes.inForce(localAuthority, today()).moderationDays());
    }

    /** A theme as it appears in the ids of the audits on it: "Quality of chronologies" is quality-of-chronologies. */
    static String themeKey(String theme) {
        return theme.toLowerCase(java.util.Locale.UK).replaceAll("[^a-z0-9]+", "-");
    }

    private java.time.LocalDate today() {
        return clock.instant().atZone(AuditProgramme.ENGLAND).toLocalDate();
    }

    /** Manual reallocation by the QA team; publishes {@code AuditAllocated} for the new auditor. */
    public Audit reallocate(String auditId, String auditorId, String by) {
        Audit audit = audits.find(auditId).orElseThrow(() -> new NoSuchElementException("no audit " + auditId));
        requireStaffOf(audit.localAuthority(), auditorId, "auditorId");
        audit.reallocate(auditorId, by, clock.instant());
        audits.save(audit, AuditEvents.of(events, audit));
        return audit;
    }

    /** A thematic audit (annual plan, deep dive) of each open case matching the criteria, shared among the auditors. */
    public java.util.List<Audit> thematic(String localAuthority, String theme, uk.caseqa.contracts.Cohort cohort,
            String teamId, int maxCases, java.util.List<String> auditorIds, String by) {
        if (auditorIds.isEmpty()) {
            throw new IllegalArgumentException("auditorIds: name at least one auditor");
        }
        auditorIds.forEach(id -> requireStaffOf(localAuthority, id, "auditorIds"));
        String themeKey = themeKey(theme);
        java.util.List<CaseRecord> matching = cases.openCases(localAuthority).stream().map(c -> c.record())
                .filter(c -> cohort == null || c.cohort() == cohort).filter(c -> teamId == null || c.teamId().equals(teamId))
                .sorted(java.util.Comparator.comparing(CaseRecord::caseId)).limit(maxCases).toList();
        java.util.List<Audit> made = new java.util.ArrayList<>();
        int n = 0;
        for (CaseRecord c : matching) {
            String auditor = auditorIds.get(n++ % auditorIds.size());
            if (auditor.equals(c.socialWorkerId())) {
                auditor = auditorIds.get(n % auditorIds.size());
            }
            Audit audit = Audit.allocate("thematic-" + localAuthority + "." + themeKey + "-" + c.caseId(), c, auditor, by, clock.instant(),
                    Audit.Allocation.of(AuditType.THEMATIC, null, clock.instant(), completionTime(localAuthority),
                            moderationTime(localAuthority),
                            templates.inForce(localAuthority, AuditType.THEMATIC, today()).reference()));
            if (audits.insertIfAbsent(audit, AuditEvents.of(events, audit))) {
                made.add(audit);
            }
        }
        return made;
    }

    /** As {@link #allocate(String, String, String, String, AuditType)}, the council left to the case id. */
    public Audit allocate(String caseId, String auditorId, String allocatedBy, AuditType auditType) {
        return allocate(null, caseId, auditorId, allocatedBy, auditType);
    }

    /**
     * Allocates an audit of the case; {@code localAuthority} names its council, and may be left out while only one
     * council has a case with that id (two councils' case systems may number cases alike).
     */
    public Audit allocate(String localAuthority, String caseId, String auditorId, String allocatedBy,
            AuditType auditType) {
        CaseRecord auditedCase;
        if (localAuthority != null) {
            auditedCase = cases.find(localAuthority, caseId)
                    .orElseThrow(() -> new NoSuchElementException("no open case " + caseId + " in " + localAuthority));
        } else {
            java.util.List<CaseRecord> found = cases.findInAnyCouncil(caseId);
            if (found.size() > 1) {
                throw new uk.caseqa.messaging.web.InvalidFieldsException(java.util.Map.of("localAuthority",
                        "case " + caseId + " is known in " + found.stream().map(CaseRecord::localAuthority).sorted()
                                .toList() + ": name the council"));
            }
            auditedCase = found.stream().findFirst()
                    .orElseThrow(() -> new NoSuchElementException("no open case " + caseId));
        }
        requireStaffOf(auditedCase.localAuthority(), auditorId, "auditorId");
        Audit audit = Audit.allocate("audit-" + UUID.randomUUID(), auditedCase, auditorId, allocatedBy,
                clock.instant(), Audit.Allocation.of(auditType, null, clock.instant(),
                        completionTime(auditedCase.localAuthority()), moderationTime(auditedCase.localAuthority()),
                        templateFor(auditedCase.localAuthority(), auditType)));
        audits.save(audit, AuditEvents.of(events, audit));
        return audit;
    }
}
