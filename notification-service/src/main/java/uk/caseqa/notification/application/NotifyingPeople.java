package uk.caseqa.notification.application;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import uk.caseqa.contracts.AuditModerated;
import uk.caseqa.contracts.AuditReturned;
import uk.caseqa.contracts.CaseOfConcernEscalated;
import uk.caseqa.contracts.IroCommentRequested;
import uk.caseqa.contracts.CaseOfConcernOpened;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.contracts.SafetyPlanOverdue;
import uk.caseqa.contracts.StaffRole;
import uk.caseqa.messaging.staff.StaffReadModel;
import uk.caseqa.notification.domain.Alerts;
import uk.caseqa.notification.domain.Notification;

/** Use case: an event someone must act on becomes a notification to them, once however often it arrives. */
@Service
public class NotifyingPeople {

    private static final Logger log = LoggerFactory.getLogger(NotifyingPeople.class);
    private final Notifications notifications;
    private final StaffReadModel staff;
    private final Clock clock;
    private final String concernServiceUrl;
    private final String moderationServiceUrl;
    private final String auditServiceUrl;

    public NotifyingPeople(Notifications notifications, StaffReadModel staff, Clock clock,
            @Value("${caseqa.links.concern-service}") String concernServiceUrl,
            @Value("${caseqa.links.moderation-service}") String moderationServiceUrl,
            @Value("${caseqa.links.audit-service}") String auditServiceUrl) {
        this.moderationServiceUrl = moderationServiceUrl;
        this.auditServiceUrl = auditServiceUrl;
        this.notifications = notifications;
        this.staff = staff;
        this.clock = clock;
        this.concernServiceUrl = concernServiceUrl;
    }

    /** Returns how many notifications this event made now (none on a redelivery). */
    public int caseOfConcernOpened(EventEnvelope<CaseOfConcernOpened> event) {
        List<String> alsoTell = holdersOf(event.localAuthority(), event.data().alsoTell());
        return save(Alerts.caseOfConcernOpened(event.id(), event.localAuthority(), event.data(), alsoTell,
                concernServiceUrl, clock.instant()));
    }

    public int safetyPlanOverdue(EventEnvelope<SafetyPlanOverdue> event) {
        return save(Alerts.safetyPlanOverdue(event.id(), event.localAuthority(), event.data(),
                holdersOf(event.localAuthority(), event.data().escalateTo()), concernServiceUrl, clock.instant()));
    }

    public int caseOfConcernEscalated(EventEnvelope<CaseOfConcernEscalated> event) {
        return save(Alerts.caseOfConcernEscalated(event.id(), event.localAuthority(), event.data(),
                holdersOf(event.localAuthority(), event.data().escalateTo()), concernServiceUrl, clock.instant()));
    }

    public int iroCommentRequested(EventEnvelope<IroCommentRequested> event) {
        return save(List.of(Alerts.iroCommentRequested(event.id(), event.localAuthority(), event.data(),
                moderationServiceUrl, clock.instant())));
    }

    /** Only where the council's profile says the auditor is told of a changed grade. */
    public int auditModerated(EventEnvelope<AuditModerated> event) {
        AuditModerated moderated = event.data();
        if (!moderated.tellAuditor() || moderated.auditorId() == null) {
            return 0;
        }
        return save(List.of(Alerts.gradeChangedByModeration(event.id(), event.localAuthority(), moderated,
                moderationServiceUrl, clock.instant())));
    }

    public int auditReturned(EventEnvelope<AuditReturned> event) {
        return save(List.of(Alerts.auditReturned(event.id(), event.localAuthority(), event.data(), auditServiceUrl,
                clock.instant())));
    }

    private List<String> holdersOf(String localAuthority, List<StaffRole> roles) {
        if (roles.isEmpty()) {
            return List.of();
        }
        List<String> holders = staff.withRoles(localAuthority, roles).stream().map(StaffReadModel.Staff::staffId)
                .sorted().toList();
        if (holders.isEmpty()) {
            log.warn("no {} known in {} to tell", roles, localAuthority);
        }
        return holders;
    }

    private int save(List<Notification> made) {
        return (int) made.stream().filter(notifications::insertIfAbsent).count();
    }
}
