package uk.caseqa.moderation.application;

import java.time.Clock;
import java.time.Instant;
import java.util.NoSuchElementException;
import org.springframework.stereotype.Service;
import uk.caseqa.contracts.AuditCompleted;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.messaging.staff.StaffReadModel;
import uk.caseqa.moderation.domain.Decision;
import uk.caseqa.moderation.domain.Moderation;
import uk.caseqa.moderation.domain.ModerationProfile;
import uk.caseqa.moderation.domain.ModerationProfiles;
import uk.caseqa.moderation.domain.ModerationStatus;
import uk.caseqa.moderation.domain.WorkingDays;

/** Use cases: start moderation of a completed (or resubmitted) audit, assign a moderator, record the decision. */
@Service
public class ModeratingAudits {

    private final Moderations moderations;
    private final StaffReadModel staff;
    private final ModerationProfiles profiles;
    private final WorkingDays workingDays;
    private final ModerationEvents events;
    private final Clock clock;
    private final ModeratorPool pool;

    ModeratingAudits(Moderations moderations, StaffReadModel staff, ModerationProfiles profiles,
            WorkingDays workingDays, ModerationEvents events, Clock clock, ModeratorPool pool) {
        this.pool = pool;
        this.moderations = moderations;
        this.staff = staff;
        this.profiles = profiles;
        this.workingDays = workingDays;
        this.events = events;
        this.clock = clock;
    }

    /** On {@code AuditCompleted}: starts moderation, or takes a returned audit back; false for a redelivery. */
    public boolean auditCompleted(EventEnvelope<AuditCompleted> event) {
        Moderation.AuditFacts facts = Moderation.AuditFacts.of(event.localAuthority(), event.data());
        Instant now = clock.instant();
        var existing = moderations.find(facts.auditId());
        if (existing.isPresent()) {
            Moderation moderation = existing.get();
            if (moderation.status() != ModerationStatus.RETURNED
                    || !facts.completedAt().isAfter(moderation.audit().completedAt())) {
                return false;
            }
            moderation.resubmitted(facts, now, moderationDueBy(event.data(), profiles.byId(moderation.profileId()), now));
            save(moderation);
            return true;
        }
        ModerationProfile profile = profiles.inForce(event.localAuthority(), facts.completedAt());
        Moderation moderation = Moderation.start(facts, profile, pool.of(event.localAuthority(), profile), now,
                moderationDueBy(event.data(), profile, now));
        return moderations.insertIfAbsent(moderation,
                events.of(moderation.auditId(), facts.localAuthority(), moderation.raised()));
    }

    public Moderation assign(String auditId, String moderatorId, String by) {
        Moderation moderation = find(auditId);
        ModerationProfile profile = profiles.byId(moderation.profileId());
        StaffReadModel.Staff moderator = staff.find(moderation.audit().localAuthority(), moderatorId)
                .filter(StaffReadModel.Staff::inPost).filter(s -> profile.moderatorRoles().contains(s.role()))
                .orElseThrow(() -> new IllegalArgumentException(moderatorId + " is not in the moderator pool of "
                        + moderation.audit().localAuthority()));
        Instant now = clock.instant();
        moderation.assign(moderator.staffId(), "assigned by " + by, now, moderation.moderationDueBy(now,
                workingDays.endOfWorkingDaysAfter(now, profile.moderationWorkingDays())));
        save(moderation);
        return moderation;
    }

    public Moderation decide(String auditId, String by, Decision decision) {
        Moderation moderation = find(auditId);
        moderation.decide(by, decision, clock.instant());
        save(moderation);
        return moderation;
    }

    private Instant moderationDueBy(AuditCompleted completed, ModerationProfile profile, Instant now) {
        return profile.moderationDueBy(completed.moderationDueBy(), now, workingDays);
    }

    public Moderation find(String auditId) {
        return moderations.find(auditId).orElseThrow(() -> new NoSuchElementException("no moderation of " + auditId));
    }

    private void save(Moderation moderation) {
        moderations.update(moderation, events.of(moderation.auditId(), moderation.audit().localAuthority(),
                moderation.raised()));
    }
}
