package uk.caseqa.notification.application;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import uk.caseqa.contracts.AuditAllocated;
import uk.caseqa.contracts.AuditCompleted;
import uk.caseqa.contracts.CaseOpened;
import uk.caseqa.contracts.CaseResponsibilityChanged;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.contracts.EventPayload;
import uk.caseqa.contracts.ModerationAssigned;
import uk.caseqa.messaging.staff.StaffReadModel;
import uk.caseqa.notification.domain.AuditContext;
import uk.caseqa.notification.domain.EventFacts;
import uk.caseqa.notification.domain.Message;
import uk.caseqa.notification.domain.Notification;
import uk.caseqa.notification.domain.Party;
import uk.caseqa.notification.domain.Route;
import uk.caseqa.notification.domain.RoutingTable;

/**
 * Use case: an event becomes a message to each person the council's route names (those who must act first, then
 * those told for information; each person once), written from the message kind's template in the council's
 * wording, once however often the event arrives. Who is around an audit comes from the audit and moderation events
 * and, for what they do not say yet (an audit overdue before it was ever completed), from the case-management
 * system's case events. A party nobody holds, even up the line, is recorded for operators.
 */
@Service
public class NotifyingPeople {

    private static final Logger log = LoggerFactory.getLogger(NotifyingPeople.class);
    /** Staff the event names by id, shown in messages by the name they go by ({@code auditorId} as {@code auditor}). */
    private static final Map<String, String> STAFF_FIELDS = Map.of("auditorId", "auditor", "moderatorId", "moderator",
            "iroId", "iro", "serviceManagerId", "serviceManager", "ownerId", "owner", "socialWorkerId", "socialWorker");
    private final Notifications notifications;
    private final AuditContexts contexts;
    private final FindingRecipients recipients;
    private final RoutingTable routes;
    private final Messages messages;
    private final StaffReadModel staff;
    private final Clock clock;
    private final Map<String, String> links;
    private final GatheringDigests digests;
    private final NotificationSettings settings;

    NotifyingPeople(Notifications notifications, AuditContexts contexts, FindingRecipients recipients,
            RoutingTable routes, Messages messages, StaffReadModel staff, Clock clock, GatheringDigests digests,
            NotificationSettings settings,
            @Value("${caseqa.links.concern-service}") String concernServiceUrl,
            @Value("${caseqa.links.moderation-service}") String moderationServiceUrl,
            @Value("${caseqa.links.audit-service}") String auditServiceUrl) {
        this.notifications = notifications;
        this.digests = digests;
        this.settings = settings;
        this.contexts = contexts;
        this.recipients = recipients;
        this.routes = routes;
        this.messages = messages;
        this.staff = staff;
        this.clock = clock;
        this.links = Map.of("audit", auditServiceUrl, "moderation", moderationServiceUrl, "concern", concernServiceUrl);
    }

    /** Keeps who is around the audit, from the events that say. */
    public void remember(EventEnvelope<EventPayload> event) {
        String la = event.localAuthority();
        if (event.data() instanceof AuditAllocated a) {
            contexts.remember(new AuditContext(la, a.auditId(), a.caseId(), a.auditorId(), a.iroId(), null, null, null,
                    null, null, null));
        } else if (event.data() instanceof AuditCompleted c) {
            contexts.remember(new AuditContext(la, c.auditId(), c.caseId(), c.auditorId(), null, c.serviceId(),
                    c.teamId(), c.socialWorkerId(), c.serviceManagerId(), null, null));
        } else if (event.data() instanceof ModerationAssigned m) {
            contexts.remember(new AuditContext(la, m.auditId(), m.caseId(), null, null, null, null, null, null,
                    m.moderatorId(), null));
        } else if (event.data() instanceof CaseOpened c) {
            contexts.rememberCase(AuditContext.ofCase(la, c.caseId(), c.serviceId(), c.teamId(), c.socialWorkerId(),
                    c.teamManagerId(), c.serviceManagerId(), c.iroId()));
        } else if (event.data() instanceof CaseResponsibilityChanged c) {
            contexts.rememberCase(AuditContext.ofCase(la, c.caseId(), c.serviceId(), c.teamId(), c.socialWorkerId(),
                    c.teamManagerId(), c.serviceManagerId(), c.iroId()));
        }
    }

    /** Returns how many notifications this event made now (none on a redelivery, or when nobody is routed). */
    public int notify(EventEnvelope<EventPayload> event) {
        String council = event.localAuthority();
        EventFacts facts = EventFacts.of(event.data());
        cancelRemindersDoneBy(event, facts);
        Optional<Route> found = routes.routeFor(council, event.type());
        if (found.isEmpty()) {
            return 0;
        }
        Route route = found.get();
        if (route.onlyIf() != null && !facts.isTrue(route.onlyIf())) {
            return 0;
        }
        AuditContext ofAudit = facts.text("auditId").flatMap(id -> contexts.find(council, id))
                .orElse(AuditContext.unknown(council, facts.text("auditId").orElse(null)));
        String caseId = facts.text("caseId").orElse(ofAudit.caseId());
        AuditContext context = caseId == null ? ofAudit
                : contexts.findCase(council, caseId).map(ofAudit::orFromCase).orElse(ofAudit);
        DirectoryForOneEvent directory = new DirectoryForOneEvent(staff, council);
        Map<String, Boolean> told = new LinkedHashMap<>();
        tell(route.act(), true, directory, facts, context, told, event);
        tell(route.inform(), false, directory, facts, context, told, event);
        String kind = kindOf(event.type());
        Instant now = clock.instant();
        Instant digestAt = route.urgency() == Route.Urgency.ROUTINE ? digests.digestTimeFor(council, now) : null;
        int made = 0;
        for (Map.Entry<String, Boolean> person : told.entrySet()) {
            Message message = messages.render(kind, council, model(directory, facts, context, person.getKey(),
                    person.getValue()));
            if (notifications.insertIfAbsent(new Notification(Notification.idFor(event.id(), person.getKey()),
                    event.id(), council, person.getKey(), message.subject(), message.text(), now, message.html(),
                    route.urgency(), message.link()), digestAt)) {
                made++;
            }
            if (person.getValue() && route.reminder() != null) {
                remind(event, route.reminder(), facts, person.getKey(), message, now);
            }
        }
        return made;
    }

    /** Those who must act are reminded before the work is due, unless it is done first. */
    private void remind(EventEnvelope<EventPayload> event, Route.Reminder reminder, EventFacts facts, String staffId,
            Message message, Instant now) {
        Optional<Instant> due = facts.instant(reminder.due());
        Optional<String> key = facts.text(reminder.key());
        if (due.isEmpty() || key.isEmpty() || !due.get().minus(reminder.before()).isAfter(now)) {
            return;
        }
        String text = "Reminder: this is due by " + facts.shown(reminder.due()) + ".\n\n" + message.text();
        notifications.insertReminder(new Notification(Notification.idFor(event.id(), staffId) + ":reminder",
                event.id(), event.localAuthority(), staffId, "Reminder: " + message.subject(), text, now,
                message.html(), Route.Urgency.URGENT, message.link()), due.get().minus(reminder.before()),
                reminder.until(), key.get());
    }

    private void cancelRemindersDoneBy(EventEnvelope<EventPayload> event, EventFacts facts) {
        routes.routes().stream().map(Route::reminder).filter(r -> r != null && r.until().equals(event.type()))
                .map(Route.Reminder::key).distinct()
                .forEach(key -> facts.text(key).ifPresent(value -> {
                    int cancelled = notifications.cancelReminders(event.localAuthority(), event.type(), value);
                    if (cancelled > 0) {
                        log.info("{} {}: {} reminder(s) no longer needed", event.type(), value, cancelled);
                    }
                }));
    }

    private void tell(List<Party> parties, boolean acting, DirectoryForOneEvent directory, EventFacts facts,
            AuditContext context, Map<String, Boolean> told, EventEnvelope<EventPayload> event) {
        String council = directory.council();
        for (Party party : parties) {
            if (party == Party.NAMED_IN_EVENT && facts.namedPosts().isEmpty()) {
                continue; // the event names no posts to tell: nobody is missing
            }
            FindingRecipients.Found found = recipients.find(party, directory, facts, context);
            if (found.staffIds().isEmpty()) {
                log.warn("{} {} of {}: nobody holds {} (nor anyone up the line) to tell", event.type(), event.id(),
                        council, party);
                notifications.recordNobodyToTell(event.id(), council, party.name(), event.type(), clock.instant());
                continue;
            }
            if (found.foundAs() != party) {
                log.info("{} {} of {}: no {} in post, {} told instead", event.type(), event.id(), council, party,
                        found.foundAs());
            }
            found.staffIds().forEach(id -> told.merge(id, acting, Boolean::logicalOr));
        }
    }

    private Map<String, Object> model(DirectoryForOneEvent directory, EventFacts facts, AuditContext context,
            String staffId, boolean acting) {
        String council = directory.council();
        Map<String, Object> model = new LinkedHashMap<>();
        if (context.caseId() != null) {
            model.put("caseId", context.caseId());
        }
        model.putAll(facts.forTemplate());
        STAFF_FIELDS.forEach((field, shownAs) -> facts.text(field).ifPresent(id -> model.put(shownAs,
                directory.greeting(id))));
        model.put("council", council);
        model.put("councilName", settings.nameOf(council));
        model.put("links", links);
        model.put("acting", acting);
        model.put("recipient", directory.greeting(staffId));
        return model;
    }

    /** {@code CaseOfConcernOpened} -> {@code case-of-concern-opened}. */
    static String kindOf(String eventType) {
        return eventType.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
