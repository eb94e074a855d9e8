package uk.caseqa.reporting.adapter.in.messaging;

import java.util.function.Consumer;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * Binding {@code moderationEvents-in-0}, in batches: qa.moderation-events, moderation waived, assigned and decided,
 * IRO comments, panel acceptance and close.
 */
@Component("moderationEvents")
class ModerationEventsConsumer implements Consumer<Message<?>> {

    private final ProjectedBatches batches;

    ModerationEventsConsumer(ProjectedBatches batches) {
        this.batches = batches;
    }

    @Override
    public void accept(Message<?> batch) {
        batches.project(batch, "qa.moderation-events");
    }
}
