package uk.caseqa.audit.application;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import uk.caseqa.audit.domain.Audit;
import uk.caseqa.audit.domain.AuditCycle;
import uk.caseqa.audit.domain.AuditProgramme;
import uk.caseqa.audit.domain.AuditProgrammes;
import uk.caseqa.audit.domain.AuditTemplates;
import uk.caseqa.audit.domain.Auditor;
import uk.caseqa.audit.domain.CaseFile;
import uk.caseqa.audit.domain.CaseRecord;
import uk.caseqa.audit.domain.RegisteredCase;
import uk.caseqa.audit.domain.Selection;
import uk.caseqa.contracts.AuditType;
import uk.caseqa.messaging.outbox.EventFactory;
import uk.caseqa.messaging.staff.StaffReadModel;

/**
 * Use case: the QA team runs a council's cycle: the programme in force selects cases at random (the seed and the
 * eligible population are recorded) and allocates them; each allocation becomes an audit with its deadlines and
 * an {@code AuditAllocated} event. Running a cycle again returns what was drawn and completes any audit a crash left
 * unwritten (audit ids derive from the cycle).
 */
@Service
public class RunningAuditCycles {

    private static final Logger log = LoggerFactory.getLogger(RunningAuditCycles.class);

    private final AuditProgrammes programmes;
    private final AuditTemplates templates;
    private final CaseRegistry cases;
    private final Audits audits;
    private final AuditCycles cycles;
    private final StaffReadModel staff;
    private final EventFactory events;
    private final Clock clock;
    private final SecureRandom seeds = new SecureRandom();

    RunningAuditCycles(AuditProgrammes programmes, AuditTemplates templates, CaseRegistry cases, Audits audits, AuditCycles cycles,
            StaffReadModel staff, EventFactory events, Clock clock) {
        this.programmes = programmes;
        this.templates = templates;
        this.cases = cases;
        this.audits = audits;
        this.cycles = cycles;
        this.staff = staff;
        this.events = events;
        this.clock = clock;
    }

    public AuditCycle run(String localAuthority, Long requestedSeed, String by) {
        return run(localAuthority, AuditType.FULL, requestedSeed, by);
    }

    /**
     * Runs this cycle of the council's programme of {@code type}; a programme that names who selects (Swindon's Early
     * Help cycle is the Strategic Lead for Early Help's, 000 §5) refuses anyone else.
     */
    public AuditCycle run(String localAuthority, AuditType type, Long requestedSeed, String by) {
        Instant now = clock.instant();
        LocalDate today = now.atZone(AuditProgramme.ENGLAND).toLocalDate();
        AuditProgramme programme = programmes.inForce(localAuthority, type, today);
        if (!programme.runBy().isEmpty() && !staff.hasRole(localAuthority, by, programme.runBy())) {
            throw new SecurityException("programme " + programme.id() + "'s cycles are selected by its "
                    + programme.runBy() + ", not " + by);
        }
        String cycleKey = programme.cycleOf(today);
        String cycleId = AuditCycle.idFor(localAuthority, cycleKey) + (type == AuditType.FULL ? "" : ":" + type);
        AuditCycle cycle = cycles.find(cycleId).orElseGet(() -> {
            AuditCycle drawn = draw(localAuthority, programme, cycleKey, cycleId,
                    requestedSeed != null ? requestedSeed : seeds.nextLong(), today, by, now);
            cycles.insertIfAbsent(drawn);
            return cycles.find(cycleId).orElseThrow();
        });
        allocateAudits(cycle, programmes.byId(cycle.programmeId()), by, now);
        return cycle;
    }

    public AuditCycle find(String cycleId) {
        return cycles.find(cycleId).orElseThrow(() -> new NoSuchElementException("no audit cycle " + cycleId));
    }

    private AuditCycle draw(String localAuthority, AuditProgramme programme, String cycleKey, String cycleId,
            long seed, LocalDate today, String by, Instant now) {
        List<RegisteredCase> open = cases.openCases(localAuthority);
        Map<String, Instant> lastAudited = audits.lastAllocatedAt(localAuthority, open.stream().map(c -> c.record().caseId()).toList());
        List<CaseFile> files = open.stream().map(c -> new CaseFile(c.record(),
                c.openedAt().atZone(AuditProgramme.ENGLAND).toLocalDate(), c.open(),
                lastAudited.containsKey(c.record().caseId())
                        ? lastAudited.get(c.record().caseId()).atZone(AuditProgramme.ENGLAND).toLocalDate() : null))
                .toList();
        Map<String, Integer> load = audits.auditsPerAuditor(cycleId);
        List<Auditor> auditors = staff.withRoles(localAuthority, programme.auditorRoles()).stream()
                .map(s -> new Auditor(s.staffId(), s.role(), s.teamId(), s.serviceId(), load.getOrDefault(s.staffId(), 0)))
                .toList();
        Selection.Outcome outcome = Selection.draw(programme, cycleKey, seed, today, files, auditors);
        List<AuditCycle.Allocated> allocated = new ArrayList<>();
        int n = 0;
        for (Selection.Allocation allocation : outcome.allocations()) {
            n++;
            String auditId = allocation.auditorId() == null || allocation.caseId() == null ? null
                    : "audit-" + localAuthority + "-" + cycleKey + (programme.auditType() == AuditType.FULL ? ""
                            : "-" + programme.auditType().name().toLowerCase(java.util.Locale.UK).replace('_', '-'))
                            + "-" + String.format("%03d", n);
            allocated.add(new AuditCycle.Allocated(allocation.caseId(), allocation.teamId(), auditId,
                    allocation.auditorId(), allocation.reason()));
        }
        return new AuditCycle(cycleId, localAuthority, programme.id(), cycleKey, seed, outcome.eligible(),
                outcome.excluded(), allocated, by, now);
    }

    private void allocateAudits(AuditCycle cycle, AuditProgramme programme, String by, Instant now) {
        for (AuditCycle.Allocated allocated : cycle.allocations()) {
            if (allocated.auditId() == null || audits.find(allocated.auditId()).isPresent()) {
                continue;
            }
            CaseRecord auditedCase = cases.find(cycle.localAuthority(), allocated.caseId()).orElse(null);
            if (auditedCase == null) {
                log.warn("cycle {}: case {} is no longer open or known; its audit {} is not allocated", cycle.cycleId(),
                        allocated.caseId(), allocated.auditId());
                continue;
            }
            if (allocated.auditorId().equals(auditedCase.socialWorkerId())) {
                log.warn("cycle {}: {} now works case {} and cannot audit it; reallocate audit {} by hand",
                        cycle.cycleId(), allocated.auditorId(), allocated.caseId(), allocated.auditId());
                continue;
            }
            Audit audit = Audit.allocate(allocated.auditId(), auditedCase, allocated.auditorId(), by, now,
                    Audit.Allocation.of(programme.auditType(), cycle.cycleId(), now,
                            Period.ofDays(programme.completionDays()), Period.ofDays(programme.moderationDays()),
                            templates.inForce(cycle.localAuthority(), programme.auditType(),
                                    now.atZone(AuditProgramme.ENGLAND).toLocalDate()).reference()));
            audits.insertIfAbsent(audit, AuditEvents.of(events, audit));
        }
    }
}
