package uk.caseqa.reporting.adapter.in.messaging;

import java.util.function.Consumer;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * Binding {@code concernEvents-in-0}, in batches: qa.concern-events, cases of concern, safety plans, re-audits,
 * short audits, dip samples and caseload audits.
 */
@Component("concernEvents")
class ConcernEventsConsumer implements Consumer<Message<?>> {

    private final ProjectedBatches batches;

    ConcernEventsConsumer(ProjectedBatches batches) {
        this.batches = batches;
    }

    @Override
    public void accept(Message<?> batch) {
        batches.project(batch, "qa.concern-events");
    }
}
