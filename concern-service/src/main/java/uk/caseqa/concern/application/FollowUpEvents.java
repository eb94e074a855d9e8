package uk.caseqa.concern.application;

import java.util.List;
import org.springframework.stereotype.Component;
import uk.caseqa.concern.domain.FollowUp;
import uk.caseqa.messaging.outbox.EventFactory;
import uk.caseqa.messaging.outbox.OutboxEvent;

/** Envelopes for what a follow-up raised: keyed by the follow-up id, so its events stay in order. */
@Component
class FollowUpEvents {

    private final EventFactory events;

    FollowUpEvents(EventFactory events) {
        this.events = events;
    }

    List<OutboxEvent> of(FollowUp followUp) {
        return followUp.raised().stream()
                .map(e -> events.outboxEvent(followUp.id(), followUp.facts().localAuthority(), e)).toList();
    }
}
