package uk.caseqa.messaging.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.RecordInterceptor;
import uk.caseqa.testsupport.MutableClock;

/**
 * Under a burst of submissions, what the background bindings ask of the store and the broker is done beside the
 * urgent work, at the same priority. So while an urgent binding is taking records, the background bindings wait, and
 * go on once the urgent work has been quiet for a moment; urgent work that never goes quiet still lets them catch up
 * now and then. The clock is moved by hand: nothing here sleeps.
 */
class TheBackgroundWaitsWhileUrgentWorkIsUnderWayTest {

    static final Instant START = Instant.parse("2026-11-28T10:00:00Z");
    final MutableClock clock = new MutableClock(START);
    final UrgentWork urgentWork = new UrgentWork(clock);
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final BackgroundBindings bindings = new BackgroundBindings(List.of("auditEvents-in-0"), urgentWork,
            new BackgroundPacing.Settings(Duration.ofMillis(500), Duration.ofSeconds(15), Duration.ofSeconds(3)),
            clock, meters);
    final KafkaMessageListenerContainer<String, byte[]> board = container("qa.audit-events");
    final KafkaMessageListenerContainer<String, byte[]> concern = container("qa.concern-events");

    TheBackgroundWaitsWhileUrgentWorkIsUnderWayTest() {
        bindings.configure(board, "auditEvents-in-0");
        bindings.configure(concern, "concernEvents-in-0");
    }

    @Test
    void anUrgentRecordHoldsTheBackgroundUntilUrgentWorkHasBeenQuietForHalfASecond() {
        bindings.pace(clock.instant());
        assertThat(board.isPauseRequested()).as("nothing urgent yet").isFalse();

        takeAnUrgentRecord();
        bindings.pace(clock.instant());
        assertThat(board.isPauseRequested()).as("the background waits").isTrue();
        assertThat(concern.isPauseRequested()).as("the urgent binding goes on").isFalse();
        assertThat(meters.get("caseqa.consumers.background.paused").gauge().value()).isEqualTo(1.0);
        assertThat(bindings.waiting()).as("told to the service's other background work").isTrue();

        clock.advance(Duration.ofMillis(499));
        bindings.pace(clock.instant());
        assertThat(board.isPauseRequested()).isTrue();

        clock.advance(Duration.ofMillis(1));
        bindings.pace(clock.instant());
        assertThat(board.isPauseRequested()).as("quiet for 500 ms").isFalse();
        assertThat(meters.get("caseqa.consumers.background.paused").gauge().value()).isZero();
        assertThat(bindings.waiting()).isFalse();
    }

    @Test
    void urgentWorkThatNeverGoesQuietLetsTheBackgroundCatchUpEveryFifteenSeconds() {
        List<Boolean> waiting = new ArrayList<>();
        for (int tenth = 0; tenth <= 200; tenth++) {
            takeAnUrgentRecord();
            bindings.pace(clock.instant());
            waiting.add(board.isPauseRequested());
            clock.advance(Duration.ofMillis(100));
        }
        assertThat(waiting.subList(0, 150)).as("the first 15 s").containsOnly(true);
        assertThat(waiting.subList(150, 180)).as("3 s to catch up").containsOnly(false);
        assertThat(waiting.subList(180, 201)).as("waiting again").containsOnly(true);
    }

    @Test
    void aBindingAnOperatorPausedStaysPausedWhenTheOthersGoOn() {
        KafkaMessageListenerContainer<String, byte[]> staff = container("qa.staff-events");
        BackgroundBindings two = new BackgroundBindings(List.of("auditEvents-in-0", "staffEvents-in-0"), urgentWork,
                BackgroundPacing.Settings.standard(), clock, null);
        two.configure(board, "auditEvents-in-0");
        two.configure(staff, "staffEvents-in-0");
        staff.pause();

        takeAnUrgentRecord();
        two.pace(clock.instant());
        assertThat(board.isPauseRequested()).as("waiting for the urgent work").isTrue();
        clock.advance(Duration.ofSeconds(1));
        two.pace(clock.instant());

        assertThat(board.isPauseRequested()).isFalse();
        assertThat(staff.isPauseRequested()).as("paused by an operator, not by the urgent work").isTrue();
    }

    @Test
    void aBatchOfUrgentRecordsHoldsTheBackgroundToo() {
        KafkaMessageListenerContainer<String, byte[]> cases = container("qa.case-events");
        bindings.configure(cases, "caseEvents-in-0");

        cases.getBatchInterceptor().intercept(new ConsumerRecords<>(Map.of(new TopicPartition("qa.case-events", 0),
                List.of(record("qa.case-events"))), Map.of()), null);
        bindings.pace(clock.instant());

        assertThat(board.isPauseRequested()).isTrue();
    }

    @Test
    void anInterceptorAlreadyOnAnUrgentBindingIsKept() {
        KafkaMessageListenerContainer<String, byte[]> moderation = container("qa.moderation-events");
        List<String> calledBefore = new ArrayList<>();
        RecordInterceptor<String, byte[]> before = (taken, consumer) -> {
            calledBefore.add(taken.topic());
            return taken;
        };
        moderation.setRecordInterceptor(before);
        bindings.configure(moderation, "moderationEvents-in-0");

        ConsumerRecord<String, byte[]> taken = record("qa.moderation-events");
        assertThat(moderation.getRecordInterceptor().intercept(taken, null)).isSameAs(taken);
        bindings.pace(clock.instant());

        assertThat(calledBefore).containsExactly("qa.moderation-events");
        assertThat(board.isPauseRequested()).isTrue();
    }

    @Test
    void aBackgroundBindingsOwnRecordsDoNotHoldIt() {
        assertThat(board.getRecordInterceptor()).isNull();
        assertThat(board.getBatchInterceptor()).isNull();
    }

    @Test
    void pacingThatCouldNotWorkIsRefusedNamingItsSettings() {
        assertThatThrownBy(() -> new BackgroundPacing.Settings(Duration.ZERO, Duration.ofSeconds(15),
                Duration.ofSeconds(3))).hasMessageContaining("caseqa.consumers.background-pacing");
        assertThatThrownBy(() -> new BackgroundPacing.Settings(Duration.ofSeconds(1), Duration.ofMillis(500),
                Duration.ofSeconds(3))).hasMessageContaining("longest-pause");
        assertThatThrownBy(() -> new BackgroundPacing.Settings(Duration.ofSeconds(1), Duration.ofSeconds(15),
                Duration.ZERO)).hasMessageContaining("catch-up");
    }

    private void takeAnUrgentRecord() {
        concern.getRecordInterceptor().intercept(record("qa.concern-events"), null);
    }

    static ConsumerRecord<String, byte[]> record(String topic) {
        return new ConsumerRecord<>(topic, 0, 0L, "key", new byte[0]);
    }

    static KafkaMessageListenerContainer<String, byte[]> container(String topic) {
        KafkaMessageListenerContainer<String, byte[]> container = new KafkaMessageListenerContainer<>(
                new DefaultKafkaConsumerFactory<>(Map.of()), new ContainerProperties(topic));
        container.setBeanName(topic + ".container");
        return container;
    }
}
