package uk.caseqa.messaging.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationPredicate;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import uk.caseqa.messaging.inbound.BatchBindingDeadLetters;
import uk.caseqa.messaging.inbound.BindingContainers;
import uk.caseqa.messaging.inbound.DeadLetterCount;
import uk.caseqa.messaging.inbound.DeadLetterReporter;
import uk.caseqa.messaging.inbound.InboundEvents;
import uk.caseqa.messaging.inbound.ReceivedEvents;
import uk.caseqa.messaging.kafka.BackgroundBindings;
import uk.caseqa.messaging.kafka.KafkaClientSettings;
import uk.caseqa.messaging.outbox.AggregateStore;
import uk.caseqa.messaging.outbox.EventFactory;
import uk.caseqa.messaging.outbox.EventPublisher;
import uk.caseqa.messaging.outbox.IdempotentUpserts;
import uk.caseqa.messaging.outbox.OutboxGauges;
import uk.caseqa.messaging.outbox.OutboxRelay;
import uk.caseqa.messaging.outbox.OutboxRelayScheduler;
import uk.caseqa.messaging.staff.StaffEventsConsumer;
import uk.caseqa.messaging.staff.StaffReadModel;
import uk.caseqa.messaging.tracing.TraceContexts;
import uk.caseqa.messaging.web.CorrelationIdFilter;
import uk.caseqa.messaging.web.ProblemDetailsAdvice;

/** Shared mechanics for every service: clock, outbox relay, inbound decoding, dead-letter reporting, web conventions. */
@AutoConfiguration
@EnableScheduling
@Import(ProblemDetailsAdvice.class)
public class MessagingAutoConfiguration {

    /** Millisecond ticks: what MongoDB stores, so an instant read back equals the one that was written and published. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock(@Value("${caseqa.clock.offset-file:}") String offsetFile) {
        if (!offsetFile.isBlank()) {
            org.slf4j.LoggerFactory.getLogger(RehearsalClock.class).warn("REHEARSAL CLOCK: deadlines are read on the"
                    + " system clock plus the offset in {} (caseqa.clock.offset-file): never for live work",
                    offsetFile);
            return new RehearsalClock(java.nio.file.Path.of(offsetFile));
        }
        return Clock.tick(Clock.systemUTC(), java.time.Duration.ofMillis(1));
    }

    @Bean
    @ConditionalOnProperty("caseqa.parent-pid")
    ParentWatch parentWatch(@Value("${caseqa.parent-pid}") long parentPid,
            org.springframework.context.ConfigurableApplicationContext context) {
        return new ParentWatch(parentPid, () -> System.exit(org.springframework.boot.SpringApplication.exit(context)))
                .start();
    }

    /** The trace in hand, kept with each event raised so the relay publishes it in that trace. */
    @Bean
    TraceContexts traceContexts(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return TraceContexts.of(tracer.getIfAvailable(), propagator.getIfAvailable());
    }

    /**
     * No trace for a scheduler's tick (the relay's and the deadline scans' polls, several a second) nor for a probe or
     * a scrape: a trace starts with a person's request or a received event, and an empty poll is not one.
     */
    @Bean
    ObservationPredicate ticksAndProbesAreNotTraced() {
        return (name, context) -> {
            if (name.startsWith("tasks.scheduled")) {
                return false;
            }
            return !(context instanceof org.springframework.http.server.observation.ServerRequestObservationContext
                    server && server.getCarrier().getRequestURI().startsWith("/actuator"));
        };
    }

    @Bean
    EventFactory eventFactory(@Value("${spring.application.name}") String serviceName, Clock clock,
            TraceContexts traces) {
        return new EventFactory(serviceName, clock, traces::currentTraceParent);
    }

    @Bean
    MongoStoreHealthIndicator mongoStoreHealthIndicator(MongoTemplate mongo) {
        return new MongoStoreHealthIndicator(mongo);
    }

    /** The {@code kafkaBroker} health component, part of readiness (caseqa-defaults.yml). */
    @Bean
    KafkaBrokerHealthIndicator kafkaBrokerHealthIndicator(KafkaClientSettings kafka) {
        return new KafkaBrokerHealthIndicator(kafka);
    }

    /** The broker and sign-in of the binder, for the Kafka clients a service builds itself. */
    @Bean
    KafkaClientSettings kafkaClientSettings(org.springframework.core.env.Environment environment) {
        return KafkaClientSettings.of(environment);
    }

    /** The {@code deadLetters} health component (part of readiness) and the {@code caseqa.dead_letters} gauge. */
    @Bean("deadLetters")
    @ConditionalOnProperty(value = "caseqa.dead-letters.count-enabled", matchIfMissing = true)
    DeadLetterCount deadLetters(KafkaClientSettings kafka,
            @Value("${caseqa.topic-prefix:}") String topicPrefix, @Value("${spring.application.name}") String name,
            MeterRegistry meters) {
        return new DeadLetterCount(kafka, topicPrefix, name, meters);
    }

    /**
     * The service's template lets one event's writes share one commit when its consumer asks
     * ({@link uk.caseqa.messaging.inbound.OneCommitPerEvent}); every other write keeps its write concern.
     */
    @Bean
    static org.springframework.beans.factory.config.BeanPostProcessor oneCommitPerEvent() {
        return new org.springframework.beans.factory.config.BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof MongoTemplate template) {
                    template.setWriteConcernResolver(new uk.caseqa.messaging.inbound.OneCommitPerEvent(
                            template.getDb().getWriteConcern()));
                }
                return bean;
            }
        };
    }

    @Bean
    ReceivedEvents receivedEvents(MongoTemplate mongo) {
        return new ReceivedEvents(mongo);
    }

    @Bean
    InboundEvents inboundEvents(MeterRegistry meters, org.springframework.core.env.Environment environment,
            ReceivedEvents received) {
        // a YAML list is indexed properties (caseqa.councils[0], ...), which only the Binder reads as one list
        List<String> councils = org.springframework.boot.context.properties.bind.Binder.get(environment)
                .bind("caseqa.councils", org.springframework.boot.context.properties.bind.Bindable.listOf(String.class))
                .orElse(List.of());
        return new InboundEvents(meters, councils, received, environment.getProperty("caseqa.topic-prefix", ""));
    }

    @Bean
    DeadLetterReporter deadLetterReporter(MeterRegistry meters) {
        return new DeadLetterReporter(meters);
    }

    /**
     * Every consumer binding's container: batch bindings dead-letter the record their listener names, not the whole
     * poll (BatchBindingDeadLetters); background bindings' threads run at the lowest priority (BackgroundBindings).
     */
    @Bean
    BindingContainers bindingContainers(KafkaClientSettings kafka, DeadLetterReporter reporter,
            @Value("${spring.application.name}") String service, BackgroundBindings background) {
        return new BindingContainers(new BatchBindingDeadLetters(kafka, reporter, service), background);
    }

    /**
     * {@code caseqa.consumers.background}: the bindings whose work waits; {@code caseqa.consumers.background-pacing}:
     * how long urgent work must be quiet before they go on ({@code quiet}, 500 ms), the longest they wait
     * ({@code longest-pause}, 15 s) and how long they then run whatever comes ({@code catch-up}, 3 s); {@code
     * enabled: false} leaves them at the lowest priority only.
     */
    @Bean
    BackgroundBindings backgroundBindings(org.springframework.core.env.Environment environment, MeterRegistry meters) {
        org.springframework.boot.context.properties.bind.Binder binder =
                org.springframework.boot.context.properties.bind.Binder.get(environment);
        List<String> bindings = binder.bind("caseqa.consumers.background",
                org.springframework.boot.context.properties.bind.Bindable.listOf(String.class)).orElse(List.of());
        if (!binder.bind("caseqa.consumers.background-pacing.enabled", Boolean.class).orElse(true)) {
            return new BackgroundBindings(bindings);
        }
        String pacing = "caseqa.consumers.background-pacing.";
        return BackgroundBindings.paced(bindings,
                binder.bind(pacing + "quiet", java.time.Duration.class).orElse(java.time.Duration.ofMillis(500)),
                binder.bind(pacing + "longest-pause", java.time.Duration.class).orElse(java.time.Duration.ofSeconds(15)),
                binder.bind(pacing + "catch-up", java.time.Duration.class).orElse(java.time.Duration.ofSeconds(3)),
                meters);
    }

    /**
     * A background binding that names no binding of the service is a misspelling: the service does not start. Once
     * started, the background bindings wait while urgent work is under way.
     */
    @Bean
    org.springframework.context.ApplicationListener<org.springframework.boot.context.event.ApplicationStartedEvent>
            backgroundBindingsNamed(BackgroundBindings background) {
        return started -> {
            background.checkNamed();
            background.startPacing();
        };
    }

    @Bean
    CorrelationIdFilter correlationIdFilter() {
        return new CorrelationIdFilter();
    }

    @Bean
    AggregateStore aggregateStore(MongoTemplate mongo) {
        return new AggregateStore(mongo);
    }

    @Bean
    IdempotentUpserts idempotentUpserts(MongoTemplate mongo) {
        return new IdempotentUpserts(mongo);
    }

    @Bean
    StaffReadModel staffReadModel(MongoTemplate mongo, IdempotentUpserts upserts) {
        StaffReadModel staff = new StaffReadModel(mongo, upserts);
        int rekeyed = staff.rekeyRecordsWithoutCouncil();
        if (rekeyed > 0) {
            org.slf4j.LoggerFactory.getLogger(StaffReadModel.class)
                    .info("staff directory: {} records re-keyed by council and staff id", rekeyed);
        }
        return staff;
    }

    @Bean("staffEvents")
    @ConditionalOnMissingBean(name = "staffEvents")
    StaffEventsConsumer staffEvents(InboundEvents inbound, StaffReadModel staff) {
        return new StaffEventsConsumer(inbound, staff);
    }

    @Bean
    EventPublisher eventPublisher(StreamBridge streamBridge, MeterRegistry meters) {
        return new EventPublisher(streamBridge, meters);
    }

    @Bean
    @ConditionalOnProperty("caseqa.outbox.collections")
    OutboxRelay outboxRelay(MongoTemplate mongo, EventPublisher publisher,
            @Value("${caseqa.outbox.collections}") List<String> collections,
            @Value("${caseqa.outbox.batch-size:100}") int batchSize, TraceContexts traces) {
        // leases are operational time, not the domain's (tests move the domain clock by weeks)
        return new OutboxRelay(mongo, publisher, collections, batchSize, Clock.systemUTC(), traces);
    }

    /** {@code caseqa_outbox_pending} and {@code caseqa_outbox_oldest_age_seconds} per outbox collection. */
    @Bean
    @ConditionalOnProperty("caseqa.outbox.collections")
    OutboxGauges outboxGauges(MongoTemplate mongo, @Value("${caseqa.outbox.collections}") List<String> collections,
            MeterRegistry meters, Clock clock) {
        return new OutboxGauges(mongo, collections, meters, clock);
    }

    @Bean
    @ConditionalOnProperty(value = "caseqa.outbox.relay-enabled", matchIfMissing = true)
    @ConditionalOnProperty("caseqa.outbox.collections")
    OutboxRelayScheduler outboxRelayScheduler(OutboxRelay relay, AggregateStore aggregates,
            @Value("${caseqa.outbox.relay-threads:4}") int passes) {
        OutboxRelayScheduler scheduler = new OutboxRelayScheduler(relay, passes);
        // published right after the write that raised them; the poll is the crash-recovery path
        aggregates.onEventsStored(scheduler::publishSoon);
        return scheduler;
    }
}
