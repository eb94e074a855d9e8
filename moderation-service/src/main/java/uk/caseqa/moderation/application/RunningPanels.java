package uk.caseqa.moderation.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.stereotype.Service;
import uk.caseqa.contracts.StaffRole;
import uk.caseqa.messaging.staff.StaffReadModel;
import uk.caseqa.moderation.domain.Moderation;
import uk.caseqa.moderation.domain.ModerationProfiles;
import uk.caseqa.moderation.domain.Panel;
import uk.caseqa.moderation.domain.WorkingDays;

/**
 * Use cases of the QA panel: the QA team sets a panel up; its members accept each queued audit with findings or
 * return it to the auditor; the QA manager closes accepted audits within the working days after the panel.
 */
@Service
public class RunningPanels {

    private final Panels panels;
    private final Moderations moderations;
    private final StaffReadModel staff;
    private final ModerationProfiles profiles;
    private final WorkingDays workingDays;
    private final ModerationEvents events;
    private final Clock clock;

    RunningPanels(Panels panels, Moderations moderations, StaffReadModel staff, ModerationProfiles profiles,
            WorkingDays workingDays, ModerationEvents events, Clock clock) {
        this.panels = panels;
        this.moderations = moderations;
        this.staff = staff;
        this.profiles = profiles;
        this.workingDays = workingDays;
        this.events = events;
        this.clock = clock;
    }

    public Panel create(String localAuthority, LocalDate date, List<String> members, String by) {
        requireQaTeam(by, localAuthority);
        var profile = profiles.inForce(localAuthority, WorkingDays.startOf(date));
        if (!profile.qaPanel()) {
            throw new IllegalArgumentException("localAuthority: " + localAuthority + " has no QA panel (profile "
                    + profile.id() + "): its audits close once moderated");
        }
        List<String> strangers = members == null ? List.of()
                : members.stream().filter(m -> staff.find(localAuthority, m).filter(StaffReadModel.Staff::inPost).isEmpty())
                        .toList();
        if (!strangers.isEmpty()) {
            throw new IllegalArgumentException("members: " + strangers + " are not staff of " + localAuthority);
        }
        Panel panel = new Panel(Panel.idFor(localAuthority, date), localAuthority, date, members, by);
        if (!panels.insertIfAbsent(panel)) {
            throw new IllegalStateException("there is already a panel for " + localAuthority + " on " + date);
        }
        return panel;
    }

    public Panel panel(String panelId) {
        return panels.find(panelId).orElseThrow(() -> new NoSuchElementException("no panel " + panelId));
    }

    /** The council's panels this person sits on, from {@code from} on. */
    public List<Panel> panelsOf(String localAuthority, String staffId, LocalDate from) {
        return panels.ofMember(localAuthority, staffId, from);
    }

    public List<Moderation> queue(String panelId) {
        return moderations.awaitingPanel(panel(panelId).localAuthority());
    }

    public Moderation accept(String panelId, String auditId, String by, String findings) {
        Panel panel = panel(panelId);
        panel.requireMember(by);
        Moderation moderation = inPanelCouncil(panel, auditId);
        Integer configured = profiles.byId(moderation.profileId()).panelCloseWorkingDays();
        // an audit queued for a panel before its council's profile dropped the panel keeps the usual 2 working days
        int days = configured == null ? 2 : configured;
        moderation.acceptedByPanel(panelId, by, findings, clock.instant(),
                WorkingDays.endOf(workingDays.after(panel.date(), days)));
        save(moderation);
        return moderation;
    }

    public Moderation returnToAuditor(String panelId, String auditId, String by, String reason) {
        Panel panel = panel(panelId);
        panel.requireMember(by);
        Moderation moderation = inPanelCouncil(panel, auditId);
        moderation.returnedByPanel(panelId, by, reason, clock.instant());
        save(moderation);
        return moderation;
    }

    public Moderation close(String auditId, String by) {
        Moderation moderation = moderations.find(auditId)
                .orElseThrow(() -> new NoSuchElementException("no moderation of " + auditId));
        requireQaTeam(by, moderation.audit().localAuthority());
        moderation.close(by, clock.instant());
        save(moderation);
        return moderation;
    }

    private Moderation inPanelCouncil(Panel panel, String auditId) {
        Moderation moderation = moderations.find(auditId)
                .orElseThrow(() -> new NoSuchElementException("no moderation of " + auditId));
        if (!moderation.audit().localAuthority().equals(panel.localAuthority())) {
            throw new NoSuchElementException("no moderation of " + auditId);
        }
        return moderation;
    }

    private void requireQaTeam(String by, String localAuthority) {
        if (!staff.hasRole(localAuthority, by, StaffRole.QA_TEAM)) {
            throw new SecurityException(by + " is not in the QA team of " + localAuthority);
        }
    }

    private void save(Moderation moderation) {
        moderations.update(moderation, events.of(moderation.auditId(), moderation.audit().localAuthority(),
                moderation.raised()));
    }

}
