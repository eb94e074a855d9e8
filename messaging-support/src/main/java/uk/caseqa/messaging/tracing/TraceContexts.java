package uk.caseqa.messaging.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;

/**
 * Carries a trace across the outbox: the W3C {@code traceparent} of the work that raised an event is stored with it,
 * and the relay, which publishes later on a thread of its own, continues that trace, so a trace started by an HTTP
 * request goes on through Kafka into every service the event reaches. Without a tracer (tracing switched off) it
 * stores nothing and continues nothing.
 */
public final class TraceContexts {

    static final String TRACEPARENT = "traceparent";
    private static final TraceContexts NONE = new TraceContexts(null, null);

    private final Tracer tracer;
    private final Propagator propagator;

    private TraceContexts(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    public static TraceContexts of(Tracer tracer, Propagator propagator) {
        return tracer == null || propagator == null ? NONE : new TraceContexts(tracer, propagator);
    }

    public static TraceContexts none() {
        return NONE;
    }

    /** The {@code traceparent} of the span in hand, or null outside any trace. */
    public String currentTraceParent() {
        if (tracer == null) {
            return null;
        }
        Span span = tracer.currentSpan();
        if (span == null) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(span.context(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /**
     * A span named {@code name}, child of {@code traceParent} and current on this thread until closed (log lines
     * written meanwhile carry its trace id); nothing when there is no parent to continue.
     */
    /**
     * The {@code traceparent} of record {@code record} of a batch, from the binder's per-record headers
     * ({@code KafkaHeaders.BATCH_CONVERTED_HEADERS}); null when it has none.
     */
    public static String traceParentOf(java.util.List<?> batchHeaders, int record) {
        if (record >= batchHeaders.size() || !(batchHeaders.get(record) instanceof java.util.Map<?, ?> map)) {
            return null;
        }
        Object value = map.get("traceparent");
        return value instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
                : value instanceof String text ? text : null;
    }

    public Continued continueFrom(String traceParent, String name) {
        if (tracer == null || traceParent == null || traceParent.isBlank()) {
            return () -> { };
        }
        Span span = propagator.extract(Map.of(TRACEPARENT, traceParent), (carrier, key) -> carrier.get(key))
                .name(name).start();
        Tracer.SpanInScope scope = tracer.withSpan(span);
        return () -> {
            scope.close();
            span.end();
        };
    }

    /** A continued span: closing it ends it. */
    @FunctionalInterface
    public interface Continued extends AutoCloseable {
        @Override
        void close();
    }
}
