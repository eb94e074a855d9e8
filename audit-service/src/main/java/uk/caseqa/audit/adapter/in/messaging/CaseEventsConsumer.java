package uk.caseqa.audit.adapter.in.messaging;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import uk.caseqa.audit.application.ParkingFollowUpRequests;
import uk.caseqa.audit.application.RecordingTheRegistry;
import uk.caseqa.contracts.CaseClosed;
import uk.caseqa.contracts.CaseCohortChanged;
import uk.caseqa.contracts.CaseOpened;
import uk.caseqa.contracts.CaseResponsibilityChanged;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.contracts.EventPayload;
import uk.caseqa.contracts.InvalidEventException;
import uk.caseqa.messaging.inbound.InboundEvents;
import uk.caseqa.messaging.tracing.TraceContexts;

/**
 * Binding {@code caseEvents-in-0}: the case-management systems' case events (opened, cohort, responsibility, closed),
 * a poll at a time (the binding is in batch mode): every record is read and validated, the ids are recorded in one
 * write and the cases in another, so a council's whole caseload arriving at once is stored at the speed of the store,
 * not of one commit per event. The events before an invalid one are applied, then the invalid one is named
 * ({@link BatchListenerFailedException}): it alone is dead-lettered with the reason, and the rest of the poll comes
 * back to this listener (uk.caseqa.messaging.inbound.BatchBindingDeadLetters).
 */
@Component("caseEvents")
class CaseEventsConsumer implements Consumer<Message<?>> {

    private static final Logger log = LoggerFactory.getLogger(CaseEventsConsumer.class);
    /**
     * A poll of up to this many events logs a line for each (a case opened here and there, as a council's day goes);
     * a bigger one, a caseload arriving at once, logs one line for the poll and each event at debug level: a line an
     * event would drown the log (a council's 25,000 cases, 25,000 lines), as reporting-service's replays would.
     */
    static final int LINE_PER_EVENT_UP_TO = 50;
    private final InboundEvents inbound;
    private final RecordingTheRegistry registry;
    private final ParkingFollowUpRequests requests;
    private final TraceContexts traces;
    /**
     * {@code caseqa.case-events.polls}: the events of each poll, once they are stored (its count is the polls, its
     * total the events), and {@code caseqa.case-events.poll-time}: how long each took to read, check and store (a poll
     * must end within the binding's {@code max.poll.interval.ms}). How a caseload arriving at once is being taken in;
     * the platform benchmark times ingest from them.
     */
    private final DistributionSummary polls;
    private final Timer pollTime;

    CaseEventsConsumer(InboundEvents inbound, RecordingTheRegistry registry, ParkingFollowUpRequests requests,
            TraceContexts traces, MeterRegistry meters) {
        this.requests = requests;
        this.inbound = inbound;
        this.registry = registry;
        this.traces = traces;
        this.polls = DistributionSummary.builder("caseqa.case-events.polls").baseUnit("events")
                .description("case events stored per poll of the case topics").register(meters);
        this.pollTime = Timer.builder("caseqa.case-events.poll-time")
                .description("time to read, check and store a poll of the case topics").register(meters);
    }

    /**
     * The batch as the binder made it: a list of the records' bytes, with list-valued headers (declared as
     * {@code Message<?>} so that Spring Cloud Function hands it over as it is).
     */
    @Override
    public void accept(Message<?> batch) {
        if (!(batch.getPayload() instanceof List<?> payloads)) {
            throw new IllegalStateException("caseEvents: expected a batch of records, got a "
                    + batch.getPayload().getClass().getName() + " (is the binding in batch mode?)");
        }
        long started = System.nanoTime();
        int[] refusedAt = {-1};
        InvalidEventException[] reason = new InvalidEventException[1];
        List<EventEnvelope<EventPayload>> events = inbound.readBatch(payloads,
                batch.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC) instanceof List<?> topics ? topics : null,
                (index, invalid) -> {
                    refusedAt[0] = index;
                    reason[0] = invalid;
                });
        apply(events, batch);
        if (!events.isEmpty()) {
            pollTime.record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
            polls.record(events.size()); // after the time: a reader seeing the events finds the poll's time too
        }
        if (refusedAt[0] >= 0) {
            throw new BatchListenerFailedException(reason[0].getMessage(), reason[0], refusedAt[0]);
        }
    }

    private void apply(List<EventEnvelope<EventPayload>> events, Message<?> batch) {
        if (events.isEmpty()) {
            return;
        }
        Set<String> applied = registry.recordAll(events);
        Set<String> councilsWithNewCases = new TreeSet<>();
        boolean quiet = events.size() > LINE_PER_EVENT_UP_TO;
        List<?> headers = batch.getHeaders().get(KafkaHeaders.BATCH_CONVERTED_HEADERS) instanceof List<?> list ? list
                : List.of();
        for (int i = 0; i < events.size(); i++) {
            EventEnvelope<EventPayload> event = events.get(i);
            try (TraceContexts.Continued trace = traces.continueFrom(TraceContexts.traceParentOf(headers, i), "case event")) {
                if (!(event.data() instanceof CaseOpened || event.data() instanceof CaseCohortChanged
                        || event.data() instanceof CaseResponsibilityChanged || event.data() instanceof CaseClosed)) {
                    log.info("{} is not for audit-service; skipped", event.type());
                } else if (!applied.contains(event.id())) {
                    log.atLevel(quiet ? Level.DEBUG : Level.INFO).log("case event {} already applied", event.id());
                } else if (event.data() instanceof CaseOpened) {
                    councilsWithNewCases.add(event.localAuthority());
                }
                inbound.consumed(event, quiet);
            }
        }
        if (quiet) {
            log.info("recorded {} case events ({} applied, the rest already) from {} to {}", events.size(),
                    applied.size(), events.get(0).id(), events.get(events.size() - 1).id());
        }
        // requests parked for a case not known yet are tried again now, once per council in the batch
        councilsWithNewCases.forEach(requests::somethingArrived);
    }
}
