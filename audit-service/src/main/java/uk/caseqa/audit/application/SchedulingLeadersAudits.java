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
import java.util.Set;
import java.util.function.Predicate;
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
 * Use cases: the audits the QA team asks of managers and leaders, outside the monthly sample. Each person the
 * council's programme names is given cases drawn reproducibly for them (ids derive from the occasion, the person and
 * the case, so asking again allocates nothing twice), never a case they work.
 * <ul>
 * <li>Managers' dip samples on the month's theme (000 §2.1; 001 §6.1.2: heads of service, service managers and team
 * managers, 5 files of their own team or service area or one practice observation; 002 §6; 003).</li>
 * <li>Practice weeks (000 §2.4, 001 §6.3: twice a year, service leaders audit alongside social workers, with the
 * council's case-file template, and observe practice; 002 §6; 004 ¶31; Telford's QA Day, 003); their findings are the
 * board's practice week summary (the {@code audit-activity} measure).</li>
 * </ul>
 */
@Service
public class SchedulingLeadersAudits {

    private final AuditProgrammes programmes;
    private final AuditTemplates templates;
    private final CaseRegistry cases;
    private final Audits audits;
    private final StaffReadModel staff;
    private final EventFactory events;
    private final Clock clock;

    SchedulingLeadersAudits(AuditProgrammes programmes, AuditTemplates templates, CaseRegistry cases, Audits audits,
            StaffReadModel staff, EventFactory events, Clock clock) {
        this.programmes = programmes;
        this.templates = templates;
        this.cases = cases;
        this.audits = audits;
        this.staff = staff;
        this.events = events;
        this.clock = clock;
    }

    /** What one manager was given this month: their dip-sample audits (or observation), or why fewer. */
    public record ManagerSample(String managerId, StaffRole role, AuditType auditType, List<String> auditIds,
            String note) {
    }

    /** What a leader was given in the practice week. */
    public record LeaderWeek(String leaderId, StaffRole role, List<String> auditIds, List<String> observationIds) {
    }

    /**
     * Allocates the month's dip samples on {@code theme}; managers named in {@code observingInstead} are given one
     * practice observation of a case of their area instead, where the programme allows it.
     */
    public List<ManagerSample> setTheme(String localAuthority, String theme, Set<String> observingInstead, String by) {
        requireQaTeam(localAuthority, by);
        if (theme == null || theme.isBlank()) {
            throw new IllegalArgumentException("theme: the QA team sets the dip samples' theme");
        }
        LocalDate today = clock.instant().atZone(AuditProgramme.ENGLAND).toLocalDate();
        AuditProgramme programme = programmes.inForce(localAuthority, today);
        AuditProgramme.ManagerDipSamples rule = programme.managerDipSamples();
        if (rule == null) {
            throw new IllegalArgumentException("localAuthority: programme " + programme.id() + " of " + localAuthority
                    + " sets no managers' dip samples");
        }
        if (!observingInstead.isEmpty() && !rule.orPracticeObservation()) {
            throw new IllegalArgumentException("observingInstead: programme " + programme.id()
                    + " does not offer a practice observation in place of the dip sample");
        }
        String occasion = "dip-" + localAuthority + "." + today.getYear() + "-"
                + String.format("%02d", today.getMonthValue()) + "." + AllocatingAudits.themeKey(theme);
        Period due = Period.ofDays(rule.dueDays());
        List<ManagerSample> samples = new ArrayList<>();
        for (StaffReadModel.Staff manager : holders(localAuthority, rule.roles())) {
            boolean observing = observingInstead.contains(manager.staffId());
            AuditType type = observing ? AuditType.PRACTICE_OBSERVATION : AuditType.DIP_SAMPLE;
            int wanted = observing ? 1 : rule.files();
            List<String> ids = allocate(occasion, null, manager, drawn(localAuthority, occasion, manager,
                    c -> inArea(manager, c)).stream().limit(wanted).toList(), type,
                    templates.inForce(localAuthority, type, today).reference(), due, by);
            samples.add(new ManagerSample(manager.staffId(), manager.role(), type, ids, ids.size() < wanted
                    ? "only " + ids.size() + " open case(s) in their area to sample" : theme));
        }
        return samples;
    }

    /** Schedules the practice week starting {@code startsOn}: each leader's audits and observations, due by its end. */
    public List<LeaderWeek> schedulePracticeWeek(String localAuthority, LocalDate startsOn, String by) {
        requireQaTeam(localAuthority, by);
        LocalDate today = clock.instant().atZone(AuditProgramme.ENGLAND).toLocalDate();
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
                .map(Audit::cycleId).filter(id -> id != null && id.startsWith("practice-week:" + localAuthority + ":"
                        + startsOn.getYear())).distinct().toList();
        if (!weeksThisYear.contains(weekId) && weeksThisYear.size() >= rule.perYear()) {
            throw new IllegalStateException("programme " + programme.id() + " runs " + rule.perYear()
                    + " practice weeks a year; " + startsOn.getYear() + " has " + weeksThisYear);
        }
        Period due = Period.between(today, startsOn.plusDays(rule.days()));
        String occasion = weekId.replace(':', '-');
        List<LeaderWeek> week = new ArrayList<>();
        for (StaffReadModel.Staff leader : holders(localAuthority, rule.leaderRoles())) {
            List<CaseRecord> drawn = drawn(localAuthority, occasion, leader, c -> true);
            List<String> auditIds = allocate(occasion, weekId, leader,
                    drawn.stream().limit(rule.auditsPerLeader()).toList(), AuditType.PRACTICE_WEEK,
                    templates.inForce(localAuthority, AuditType.FULL, startsOn).reference(), due, by);
            List<String> observationIds = allocate(occasion, weekId, leader, drawn.stream()
                    .skip(rule.auditsPerLeader()).limit(rule.observationsPerLeader()).toList(),
                    AuditType.PRACTICE_OBSERVATION,
                    templates.inForce(localAuthority, AuditType.PRACTICE_OBSERVATION, startsOn).reference(), due, by);
            week.add(new LeaderWeek(leader.staffId(), leader.role(), auditIds, observationIds));
        }
        if (week.isEmpty()) {
            throw new IllegalStateException("no " + rule.leaderRoles() + " in post in " + localAuthority
                    + " to take part in the practice week");
        }
        return week;
    }

    private void requireQaTeam(String localAuthority, String by) {
        if (!staff.hasRole(localAuthority, by, StaffRole.QA_TEAM)) {
            throw new SecurityException(by + " is not in the QA team of " + localAuthority);
        }
    }

    private List<StaffReadModel.Staff> holders(String localAuthority, List<StaffRole> roles) {
        return staff.withRoles(localAuthority, roles).stream()
                .sorted(Comparator.comparing(StaffReadModel.Staff::staffId)).toList();
    }

    /** The open cases allowed to this person that are not theirs, in an order drawn from the occasion and the person. */
    private List<CaseRecord> drawn(String localAuthority, String occasion, StaffReadModel.Staff person,
            Predicate<CaseRecord> allowed) {
        List<CaseRecord> open = new ArrayList<>(cases.openCases(localAuthority).stream().map(c -> c.record())
                .filter(allowed).filter(c -> !person.staffId().equals(c.socialWorkerId()))
                .sorted(Comparator.comparing(CaseRecord::caseId)).toList());
        Collections.shuffle(open, new Random((occasion + person.staffId()).hashCode()));
        return open;
    }

    private List<String> allocate(String occasion, String cycleId, StaffReadModel.Staff person, List<CaseRecord> chosen,
            AuditType type, String template, Period due, String by) {
        Instant now = clock.instant();
        List<String> ids = new ArrayList<>();
        for (CaseRecord c : chosen) {
            String auditId = occasion + "-" + person.staffId() + "-" + c.caseId()
                    + (type == AuditType.PRACTICE_OBSERVATION ? "-observation" : "");
            Audit audit = Audit.allocate(auditId, c, person.staffId(), by, now,
                    Audit.Allocation.of(type, cycleId, now, due, Period.ofDays(7), template));
            audits.insertIfAbsent(audit, AuditEvents.of(events, audit));
            ids.add(auditId);
        }
        return ids;
    }

    /** A team manager's area is their team; a service manager's or head of service's, their service. */
    private static boolean inArea(StaffReadModel.Staff manager, CaseRecord c) {
        return manager.role() == StaffRole.TEAM_MANAGER || manager.role() == StaffRole.ASSISTANT_TEAM_MANAGER
                ? manager.teamId() != null && manager.teamId().equals(c.teamId())
                : manager.serviceId() != null && manager.serviceId().equals(c.serviceId());
    }
}
