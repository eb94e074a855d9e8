package uk.caseqa.reporting.adapter.in.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import uk.caseqa.contracts.EventStream;
import uk.caseqa.reporting.application.CatchUp;
import uk.caseqa.reporting.application.BoardRecords;

/**
 * How far the projection has caught up with the event history it found at start-up: the end offset of every
 * partition of the three input topics is read once the service is ready, and each consumed event moves its
 * partition on. While behind, the log says how many events of how many remain (every 10 s) and the gauges
 * {@code caseqa.reporting.catchup.remaining} and {@code caseqa.reporting.catchup.progress} (0 to 1) show it, of
 * {@code caseqa.reporting.catchup.events} found at start-up.
 *
 * <p>Until caught up, the board is not counted (counting after every batch of a replay would be wasted work).
 *
 * <p>With {@code caseqa.reporting.rebuild=true} the records are forgotten before any event is consumed
 * and the input bindings start from offset zero ({@code reset-offsets}): the board is rebuilt from the whole history.
 * Run one replica for a rebuild, then restart without the flag.
 */
@Component
class CatchingUp implements CatchUp {

    private static final Logger log = LoggerFactory.getLogger(CatchingUp.class);
    private static final List<EventStream> INPUTS = List.of(EventStream.AUDITS, EventStream.MODERATION,
            EventStream.CONCERNS);
    private final String prefix;
    private final uk.caseqa.messaging.kafka.KafkaClientSettings kafka;
    private final Map<TopicPartition, Long> endAtStart = new ConcurrentHashMap<>();
    private final Map<TopicPartition, Long> next = new ConcurrentHashMap<>();
    private volatile long total = -1;
    private volatile boolean caughtUp;
    private volatile boolean endOffsetsUnknown;
    private final boolean rebuild;
    private final String group;

    CatchingUp(@Value("${caseqa.topic-prefix:}") String prefix,
            uk.caseqa.messaging.kafka.KafkaClientSettings kafka,
            @Value("${caseqa.reporting.rebuild:false}") boolean rebuild,
            @Value("${spring.cloud.stream.bindings.auditEvents-in-0.group}") String group, BoardRecords records,
            MeterRegistry meters) {
        this.prefix = prefix;
        this.kafka = kafka;
        this.rebuild = rebuild;
        this.group = group;
        if (rebuild) {
            log.warn("caseqa.reporting.rebuild=true: forgetting every board record; the board is rebuilt from offset "
                    + "zero of {}", topics());
            records.deleteAll();
        }
        Gauge.builder("caseqa.reporting.catchup.remaining", this, CatchingUp::remaining)
                .description("events present at start-up not yet projected").register(meters);
        Gauge.builder("caseqa.reporting.catchup.events", this, c -> c.total)
                .description("events on the input topics at start-up (-1 until read)").register(meters);
        Gauge.builder("caseqa.reporting.catchup.progress", this, CatchingUp::progress)
                .description("share of the events present at start-up projected (1 when caught up)").register(meters);
    }

    private List<String> topics() {
        return INPUTS.stream().map(s -> prefix + s.topic()).toList();
    }

    @EventListener(ApplicationReadyEvent.class)
    void readEndOffsets() {
        try (Admin admin = Admin.create(kafka.properties())) {
            var existing = admin.listTopics().names().get(15, TimeUnit.SECONDS);
            List<String> present = topics().stream().filter(existing::contains).toList();
            var described = admin.describeTopics(present).allTopicNames().get(15, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = described.values().stream()
                    .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                    .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
            admin.listOffsets(latest).all().get(15, TimeUnit.SECONDS)
                    .forEach((tp, info) -> endAtStart.put(tp, info.offset()));
            if (!rebuild) { // where the group has got to already counts as projected
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(15, TimeUnit.SECONDS)
                        .forEach((tp, committed) -> {
                            if (committed != null) {
                                next.merge(tp, committed.offset(), Math::max);
                            }
                        });
            }
            total = endAtStart.values().stream().mapToLong(Long::longValue).sum();
            log.info("catching up with {} events on {}", total, present);
        } catch (Exception e) {
            endOffsetsUnknown = true;
            log.warn("could not read the end offsets of {} (progress will not be shown): {}", topics(), e.toString());
        }
    }

    /** The first {@code count} records of a batch are projected (its headers are lists, one value per record). */
    void consumed(Message<?> batch, int count) {
        List<?> topics = list(batch.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC));
        List<?> partitions = list(batch.getHeaders().get(KafkaHeaders.RECEIVED_PARTITION));
        List<?> offsets = list(batch.getHeaders().get(KafkaHeaders.OFFSET));
        int known = Math.min(count, Math.min(topics.size(), Math.min(partitions.size(), offsets.size())));
        for (int i = 0; i < known; i++) {
            if (partitions.get(i) instanceof Integer p && offsets.get(i) instanceof Long o) {
                next.merge(new TopicPartition(String.valueOf(topics.get(i)), p), o + 1, Math::max);
            }
        }
    }

    private static List<?> list(Object header) {
        return header instanceof List<?> values ? values : header == null ? List.of() : List.of(header);
    }

    /** Not before the end offsets are known (or could not be read, then the projection is taken as caught up). */
    @Override
    public boolean caughtUp() {
        return (total >= 0 || endOffsetsUnknown) && remaining() == 0;
    }

    long remaining() {
        if (total < 0) {
            return 0;
        }
        long left = 0;
        for (var end : endAtStart.entrySet()) {
            left += Math.max(0, end.getValue() - next.getOrDefault(end.getKey(), 0L));
        }
        return left;
    }

    double progress() {
        return total <= 0 ? 1.0 : 1.0 - (double) remaining() / total;
    }

    @Scheduled(fixedDelay = 10, initialDelay = 10, timeUnit = TimeUnit.SECONDS)
    void report() {
        if (total < 0 || caughtUp) {
            return;
        }
        long left = remaining();
        if (left == 0) {
            caughtUp = true;
            log.info("caught up: the {} events present at start-up are projected", total);
        } else {
            log.info("catching up: {} of {} events projected ({}%), {} to go", total - left, total,
                    Math.round(progress() * 1000) / 10.0, left);
        }
    }
}
