package uk.caseqa.notification.adapter.in.messaging;

import java.util.function.Consumer;
import org.springframework.messaging.Message;
import uk.caseqa.messaging.inbound.InboundEvents;
import uk.caseqa.notification.application.KeepingWorkLists;
import uk.caseqa.notification.application.NotifyingPeople;

/**
 * What every stream's consumer here does with an event: keep what it says about who is around its audit, tell the
 * people the council's route names, and keep each person's work list. Each upstream stream has its own binding and class.
 * What one event writes (its emails, a reminder, work items, what it says about the audit) is made durable by one
 * commit at its end, not one each (OneCommitPerEvent).
 */
abstract class RoutedEvents implements Consumer<Message<byte[]>> {

    private final InboundEvents inbound;
    private final NotifyingPeople notifying;
    private final KeepingWorkLists workLists;

    RoutedEvents(InboundEvents inbound, NotifyingPeople notifying, KeepingWorkLists workLists) {
        this.inbound = inbound;
        this.notifying = notifying;
        this.workLists = workLists;
    }

    @Override
    public void accept(Message<byte[]> message) {
        inbound.handleInOneCommit(message, event -> {
            notifying.remember(event);
            notifying.notify(event);
            workLists.apply(event);
        });
    }
}
