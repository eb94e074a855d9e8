package uk.caseqa.reporting.adapter.in.messaging;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.contracts.EventJson;
import uk.caseqa.contracts.EventPayload;
import uk.caseqa.contracts.InvalidEventException;
import uk.caseqa.messaging.inbound.InboundEvents;
import uk.caseqa.messaging.tracing.TraceContexts;
import uk.caseqa.reporting.application.ProjectingEvents;

/**
 * A poll's worth of events from one input topic (the bindings consume in batches), projected together: each record
 * the batch touches is read and written once, in as few round trips to the store as it allows, which is what lets a
 * replay from offset zero keep up with the topics. Every event is read and validated first; the events before an
 * invalid one are projected, then the invalid one is named ({@link BatchListenerFailedException}): it alone goes to
 * the binding's dead-letter topic with the reason, and the rest of the batch comes back to this listener
 * (uk.caseqa.messaging.inbound.BatchBindingDeadLetters).
 */
@Component
class ProjectedBatches {

    private static final Logger log = LoggerFactory.getLogger(ProjectedBatches.class);
    private final ProjectingEvents projecting;
    private final CatchingUp catchingUp;
    private final InboundEvents inbound;
    private final TraceContexts traces;

    ProjectedBatches(ProjectingEvents projecting, CatchingUp catchingUp, InboundEvents inbound, TraceContexts traces) {
        this.projecting = projecting;
        this.catchingUp = catchingUp;
        this.inbound = inbound;
        this.traces = traces;
    }

    /**
     * The batch as the binder made it: a list of the records' bytes, with list-valued headers. It is declared as
     * {@code Message<?>} so that Spring Cloud Function hands it over as it is: declared as a list of byte arrays,
     * each record would be converted to one again, a new message with every header copied (a fifth of a replay).
     */
    void project(Message<?> batch, String stream) {
        if (!(batch.getPayload() instanceof List<?> payloads)) {
            throw new IllegalStateException(stream + ": expected a batch of records, got a "
                    + batch.getPayload().getClass().getName() + " (is the binding in batch mode?)");
        }
        List<EventEnvelope<EventPayload>> events = new ArrayList<>(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            try {
                if (!(payloads.get(i) instanceof byte[] bytes)) {
                    throw new InvalidEventException("not the bytes of an event: "
                            + (payloads.get(i) == null ? "null" : payloads.get(i).getClass().getName()));
                }
                events.add(EventJson.read(bytes));
            } catch (InvalidEventException invalid) {
                project(events, batch, stream);
                throw new BatchListenerFailedException(invalid.getMessage(), invalid, i);
            }
        }
        project(events, batch, stream);
    }

    private void project(List<EventEnvelope<EventPayload>> events, Message<?> batch, String stream) {
        if (events.isEmpty()) {
            return;
        }
        projecting.projectAll(events);
        // each event's line in the trace that raised it (its record's traceparent); a line per event only once the
        // projection has caught up: a replay from offset zero would drown the log
        boolean quiet = !catchingUp.caughtUp();
        List<?> headers = batch.getHeaders().get(KafkaHeaders.BATCH_CONVERTED_HEADERS) instanceof List<?> list ? list
                : List.of();
        for (int i = 0; i < events.size(); i++) {
            try (TraceContexts.Continued trace = traces.continueFrom(TraceContexts.traceParentOf(headers, i), "project")) {
                inbound.consumed(events.get(i), quiet);
            }
        }
        catchingUp.consumed(batch, events.size());
        log.info("projected {} events of {} ({} to {})", events.size(), stream, events.get(0).id(),
                events.get(events.size() - 1).id());
    }
}
