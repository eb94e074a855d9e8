package uk.caseqa.audit.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
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
 * Use case: the QA team sets the month's theme, and every manager the programme names dip samples case files of their
 * own area on it (000 §2.1; 001 §6.1.2: heads of service, service managers and team managers, 5 files or one practice
 * observation a month; 002 §6). A team manager's area is their team, a service manager's or head of service's their
 * service. Files are drawn reproducibly from the council, month, theme and manager; ids derive from them, so setting
 * the same theme again allocates nothing twice.
 */
@Service
public class SettingManagersDipSamples {

    private final AuditProgrammes programmes;
    private final AuditTemplates templates;
    private final CaseRegistry cases;
    private final Audits audits;
    private final StaffReadModel staff;
    private final EventFactory events;
    private final Clock clock;

    SettingManagersDipSamples(AuditProgrammes programmes, AuditTemplates templates, CaseRegistry cases, Audits audits,
            StaffReadModel staff, EventFactory events, Clock clock) {
        this.programmes = programmes;
        this.templates = templates;
        this.cases = cases;
        this.audits = audits;
        this.staff = staff;
        this.events = events;
        this.clock = clock;
    }

    /** What one manager was given this month: their dip-sample audits, or why none. */
    public record ManagerSample(String managerId, StaffRole role, AuditType auditType, List<String> auditIds,
            String note) {
    }

    /**
     * Allocates the month's dip samples on {@code theme}; managers named in {@code observingInstead} are given one
     * practice observation of a case of their area instead, where the programme allows it.
     */
    public List<ManagerSample> setTheme(String localAuthority, String theme, Set<String> observingInstead, String by) {
        if (!staff.hasRole(localAuthority, by, StaffRole.QA_TEAM)) {
            throw new SecurityException(by + " is not in the QA team of " + localAuthority);
        }
        if (theme == null || theme.isBlank()) {
            throw new IllegalArgumentException("theme: the QA team sets the dip samples' theme");
        }
        Instant now = clock.instant();
        LocalDate today = now.atZone(AuditProgramme.ENGLAND).toLocalDate();
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
        String month = today.getYear() + "-" + String.format("%02d", today.getMonthValue());
        String themeKey = theme.toLowerCase(Locale.UK).replaceAll("[^a-z0-9]+", "-");
        List<CaseRecord> open = cases.openCases(localAuthority).stream().map(c -> c.record())
                .sorted(Comparator.comparing(CaseRecord::caseId)).toList();
        List<ManagerSample> samples = new ArrayList<>();
        for (StaffReadModel.Staff manager : staff.withRoles(localAuthority, rule.roles()).stream()
                .sorted(Comparator.comparing(StaffReadModel.Staff::staffId)).toList()) {
            boolean observing = observingInstead.contains(manager.staffId());
            AuditType type = observing ? AuditType.PRACTICE_OBSERVATION : AuditType.DIP_SAMPLE;
            List<CaseRecord> area = new ArrayList<>(open.stream().filter(c -> inArea(manager, c))
                    .filter(c -> !manager.staffId().equals(c.socialWorkerId())).toList());
            Collections.shuffle(area, new Random((localAuthority + month + themeKey + manager.staffId()).hashCode()));
            List<CaseRecord> drawn = area.subList(0, Math.min(observing ? 1 : rule.files(), area.size()));
            List<String> ids = new ArrayList<>();
            String template = templates.inForce(localAuthority, type, today).reference();
            for (CaseRecord c : drawn) {
                String auditId = (observing ? "observation-" : "dip-") + localAuthority + "." + month + "." + themeKey
                        + "-" + manager.staffId() + "-" + c.caseId();
                Audit audit = Audit.allocate(auditId, c, manager.staffId(), by, now, Audit.Allocation.of(type,
                        null, now, Period.ofDays(rule.dueDays()), Period.ofDays(programme.moderationDays()), template));
                audits.insertIfAbsent(audit, AuditEvents.of(events, audit));
                ids.add(auditId);
            }
            samples.add(new ManagerSample(manager.staffId(), manager.role(), type, ids, ids.size() < (observing ? 1
                    : rule.files()) ? "only " + ids.size() + " open case(s) in their area to sample" : theme));
        }
        return samples;
    }

    private static boolean inArea(StaffReadModel.Staff manager, CaseRecord c) {
        return manager.role() == StaffRole.TEAM_MANAGER || manager.role() == StaffRole.ASSISTANT_TEAM_MANAGER
                ? manager.teamId() != null && manager.teamId().equals(c.teamId())
                : manager.serviceId() != null && manager.serviceId().equals(c.serviceId());
    }
}
