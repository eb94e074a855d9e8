package uk.caseqa.moderation.application;

import java.util.List;
import org.springframework.stereotype.Component;
import uk.caseqa.contracts.EventPayload;
import uk.caseqa.messaging.outbox.EventFactory;
import uk.caseqa.messaging.outbox.OutboxEvent;

/** Envelopes for what an audit's moderation raised: keyed by the audit id, so its events stay in order. */
@Component
class ModerationEvents {

    private final EventFactory events;

    ModerationEvents(EventFactory events) {
        this.events = events;
    }

    List<OutboxEvent> of(String auditId, String localAuthority, List<EventPayload> raised) {
        return raised.stream().map(e -> events.outboxEvent(auditId, localAuthority, e)).toList();
    }
}
