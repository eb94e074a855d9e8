package uk.caseqa.moderation.application;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import uk.caseqa.contracts.AuditCompleted;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.contracts.StaffRole;
import uk.caseqa.messaging.outbox.EventFactory;
import uk.caseqa.messaging.outbox.OutboxEvent;
import uk.caseqa.messaging.staff.StaffReadModel;
import uk.caseqa.moderation.domain.Candidate;
import uk.caseqa.moderation.domain.Decision;
import uk.caseqa.moderation.domain.Moderation;

/** Use cases: start moderation of a completed audit, assign a moderator, record the moderator's decision. */
@Service
public class ModeratingAudits {

    private final Moderations moderations;
    private final StaffReadModel staff;
    private final EventFactory events;
    private final Clock clock;
    private final Set<StaffRole> moderatorRoles;
    private final Duration moderationTime;

    public ModeratingAudits(Moderations moderations, StaffReadModel staff, EventFactory events, Clock clock,
            @Value("${caseqa.moderation.moderator-roles}") Set<StaffRole> moderatorRoles,
            @Value("${caseqa.moderation.moderation-time:P7D}") Duration moderationTime) {
        this.moderations = moderations;
        this.staff = staff;
        this.events = events;
        this.clock = clock;
        this.moderatorRoles = moderatorRoles;
        this.moderationTime = moderationTime;
    }

    /** On {@code AuditCompleted}: false when this audit's moderation had already started. */
    public boolean auditCompleted(EventEnvelope<AuditCompleted> event) {
        if (moderations.find(event.data().auditId()).isPresent()) {
            return false;
        }
        Moderation moderation = Moderation.start(Moderation.AuditFacts.of(event.localAuthority(), event.data()),
                pool(event.localAuthority()), clock.instant(), moderationTime);
        return moderations.insertIfAbsent(moderation, outbox(moderation));
    }

    public Moderation assign(String auditId, String moderatorId, String by) {
        Moderation moderation = find(auditId);
        StaffReadModel.Staff moderator = staff.find(moderatorId)
                .filter(s -> moderatorRoles.contains(s.role()))
                .filter(s -> s.localAuthority().equals(moderation.audit().localAuthority()))
                .orElseThrow(() -> new IllegalArgumentException(moderatorId + " is not in the moderator pool of "
                        + moderation.audit().localAuthority()));
        moderation.assign(moderator.staffId(), "assigned by " + by, clock.instant(), moderationTime);
        moderations.update(moderation, outbox(moderation));
        return moderation;
    }

    public Moderation decide(String auditId, String by, Decision decision) {
        Moderation moderation = find(auditId);
        moderation.decide(by, decision, clock.instant());
        moderations.update(moderation, outbox(moderation));
        return moderation;
    }

    public Moderation find(String auditId) {
        return moderations.find(auditId).orElseThrow(() -> new NoSuchElementException("no moderation of " + auditId));
    }

    private List<Candidate> pool(String localAuthority) {
        List<String> ids = staff.withRoles(localAuthority, moderatorRoles).stream().map(StaffReadModel.Staff::staffId)
                .toList();
        Map<String, Long> load = moderations.openCounts(ids);
        return ids.stream().map(id -> new Candidate(id, load.getOrDefault(id, 0L))).toList();
    }

    private List<OutboxEvent> outbox(Moderation moderation) {
        return moderation.raised().stream()
                .map(e -> events.outboxEvent(moderation.auditId(), moderation.audit().localAuthority(), e)).toList();
    }
}
