package uk.caseqa.audit.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.springframework.stereotype.Service;
import uk.caseqa.audit.domain.Audit;
import uk.caseqa.audit.domain.AuditProgramme;
import uk.caseqa.audit.domain.AuditProgrammes;
import uk.caseqa.audit.domain.AuditTemplates;
import uk.caseqa.audit.domain.CaseRecord;
import uk.caseqa.contracts.AuditType;
import uk.caseqa.contracts.StaffRole;
import uk.caseqa.messaging.outbox.EventFactory;
import uk.caseqa.messaging.staff.StaffReadModel;

/**
 * Use case: the QA team schedules a practice week (000 §2.4, 001 §6.3: twice a year, service leaders spend time with
 * frontline practitioners, audit alongside social workers and observe practice; 002 §6: heads of service observe;
 * 004 ¶31). Each senior leader the programme names is given their audits (with the council's case-file template) and
 * observations of open cases, due by the week's end; their findings are the board's practice week summary (the
 * {@code audit-activity} measure). Ids derive from the week, so scheduling it again allocates nothing twice.
 */
@Service
public class RunningPracticeWeeks {

    private final AuditProgrammes programmes;
    private final AuditTemplates templates;
    private final CaseRegistry cases;
    private final Audits audits;
    private final StaffReadModel staff;
    private final EventFactory events;
    private final Clock clock;

    RunningPracticeWeeks(AuditProgrammes programmes, AuditTemplates templates, CaseRegistry cases, Audits audits,
            StaffReadModel staff, EventFactory events, Clock clock) {
        this.programmes = programmes;
        this.templates = templates;
        this.cases = cases;
        this.audits = audits;
        this.staff = staff;
        this.events = events;
        this.clock = clock;
    }

    /** What a leader was given in the week. */
    public record LeaderWeek(String leaderId, StaffRole role, List<String> auditIds, List<String> observationIds) {
    }

    public List<LeaderWeek> schedule(String localAuthority, LocalDate startsOn, String by) {
        if (!staff.hasRole(localAuthority, by, StaffRole.QA_TEAM)) {
            throw new SecurityException(by + " is not in the QA team of " + localAuthority);
        }
        Instant now = clock.instant();
        LocalDate today = now.atZone(AuditProgramme.ENGLAND).toLocalDate();
        if (startsOn == null || startsOn.isBefore(today)) {
            throw new IllegalArgumentException("startsOn: a practice week is scheduled from today on");
        }
        AuditProgramme programme = programmes.inForce(localAuthority, startsOn);
        AuditProgramme.PracticeWeekRule rule = programme.practiceWeek();
        if (rule == null) {
            throw new IllegalArgumentException("localAuthority: programme " + programme.id() + " of " + localAuthority
                    + " runs no practice week audits");
        }
        String weekId = "practice-week:" + localAuthority + ":" + startsOn;
        List<String> weeksThisYear = audits.ofCouncil(localAuthority, null).stream()
                .filter(a -> a.auditType() == AuditType.PRACTICE_WEEK || a.auditType() == AuditType.PRACTICE_OBSERVATION)
                .map(Audit::cycleId).filter(id -> id != null && id.startsWith("practice-week:" + localAuthority + ":"
                        + startsOn.getYear())).distinct().toList();
        if (!weeksThisYear.contains(weekId) && weeksThisYear.size() >= rule.perYear()) {
            throw new IllegalStateException("programme " + programme.id() + " runs " + rule.perYear()
                    + " practice weeks a year; " + startsOn.getYear() + " has " + weeksThisYear);
        }
        Period completion = Period.between(today, startsOn.plusDays(rule.days()));
        List<CaseRecord> open = cases.openCases(localAuthority).stream().map(c -> c.record())
                .sorted(Comparator.comparing(CaseRecord::caseId)).toList();
        List<LeaderWeek> week = new ArrayList<>();
        for (StaffReadModel.Staff leader : staff.withRoles(localAuthority, rule.leaderRoles()).stream()
                .sorted(Comparator.comparing(StaffReadModel.Staff::staffId)).toList()) {
            List<CaseRecord> drawn = new ArrayList<>(open.stream()
                    .filter(c -> !leader.staffId().equals(c.socialWorkerId())).toList());
            Collections.shuffle(drawn, new Random((weekId + leader.staffId()).hashCode()));
            List<String> auditIds = allocate(weekId, leader, drawn, 0, rule.auditsPerLeader(), AuditType.PRACTICE_WEEK,
                    templates.inForce(localAuthority, AuditType.FULL, startsOn).reference(), completion, by, now);
            List<String> observationIds = allocate(weekId, leader, drawn, rule.auditsPerLeader(),
                    rule.observationsPerLeader(), AuditType.PRACTICE_OBSERVATION,
                    templates.inForce(localAuthority, AuditType.PRACTICE_OBSERVATION, startsOn).reference(),
                    completion, by, now);
            week.add(new LeaderWeek(leader.staffId(), leader.role(), auditIds, observationIds));
        }
        if (week.isEmpty()) {
            throw new IllegalStateException("no " + rule.leaderRoles() + " in post in " + localAuthority
                    + " to take part in the practice week");
        }
        return week;
    }

    private List<String> allocate(String weekId, StaffReadModel.Staff leader, List<CaseRecord> drawn, int from,
            int count, AuditType type, String template, Period completion, String by, Instant now) {
        List<String> ids = new ArrayList<>();
        for (CaseRecord c : drawn.subList(Math.min(from, drawn.size()), Math.min(from + count, drawn.size()))) {
            String auditId = weekId.replace(':', '-') + "-" + leader.staffId() + "-" + c.caseId()
                    + (type == AuditType.PRACTICE_OBSERVATION ? "-observation" : "");
            Audit audit = Audit.allocate(auditId, c, leader.staffId(), by, now,
                    Audit.Allocation.of(type, weekId, now, completion, Period.ofDays(7), template));
            audits.insertIfAbsent(audit, AuditEvents.of(events, audit));
            ids.add(auditId);
        }
        return ids;
    }
}
