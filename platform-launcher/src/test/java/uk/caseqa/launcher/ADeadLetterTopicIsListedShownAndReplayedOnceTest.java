package uk.caseqa.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import uk.caseqa.contracts.CaseOpened;
import uk.caseqa.contracts.Cohort;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.contracts.EventJson;
import uk.caseqa.testsupport.Infrastructure;
import uk.caseqa.testsupport.TestIsolation;
import uk.caseqa.testsupport.TopicProbe;

/** The README's {@code ./dead-letters} command on a real broker: list, show with reasons, replay each record once. */
class ADeadLetterTopicIsListedShownAndReplayedOnceTest {

    final java.util.Map<String, Object> operator = Infrastructure.shared().kafkaAdminClient();
    final String prefix = TestIsolation.newName() + ".";
    final String original = prefix + "qa.case-events.swindon";
    final String dlq = prefix + "qa.case-events.audit-service.dlq";
    final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    final DeadLetters command = new DeadLetters(operator, new PrintStream(printed, true, StandardCharsets.UTF_8));

    @Test
    void anOperatorSeesWhyEachRecordWasRefusedAndSendsItBackToItsTopicOnlyOnce() throws Exception {
        Infrastructure.shared().kafkaUsers().topics(List.of(original, dlq)); // as the provisioning step makes them
        EventEnvelope<CaseOpened> event = EventEnvelope.of("evt-dl-1", "urn:caseqa:test", Instant.now(), "case-dl",
                "swindon", "corr-dl", new CaseOpened("case-dl", Cohort.CP, "svc", "team", "sw", "tm", "sm", "iro"));
        deadLetter(EventJson.write(event), "staff-sm not known yet");
        deadLetter(new byte[] {(byte) 0xC0, (byte) 0xAF}, "not UTF-8");

        assertThat(run("list")).containsPattern(java.util.regex.Pattern.quote(dlq) + "\\s+2\\s+0");
        String shown = run("show", dlq);
        assertThat(shown).contains("2 record(s)", "event evt-dl-1 CaseOpened council=swindon subject=case-dl",
                "reason: staff-sm not known yet", "not a valid event) (refused as invalid: identifiers only, not"
                        + " replayed)", "reason: not UTF-8");

        assertThat(run("replay", dlq)).contains("not replayed 0@1: refused as invalid", "1 record(s) replayed");
        TopicProbe topics = new TopicProbe(operator, "");
        List<TopicProbe.Received> back = topics.readAll(original);
        assertThat(back).as("the valid event only").hasSize(1).allSatisfy(r -> assertThat(r.headers().get(DeadLetters.REPLAYED_FROM))
                .startsWith(dlq + "@0:")).allSatisfy(r -> assertThat(r.headers()).doesNotContainKey(
                        "x-exception-message"));
        assertThat(back.get(0).event().id()).isEqualTo("evt-dl-1");

        assertThat(run("replay", dlq)).contains("nothing to replay");
        assertThat(topics.readAll(original)).as("replayed once").hasSize(1);
        assertThat(run("list")).containsPattern(java.util.regex.Pattern.quote(dlq) + "\\s+2\\s+2");
        topics.close();
    }

    @Test
    void aWrongCommandPrintsTheUsageAndExitsWithTwo() throws Exception {
        assertThat(command.run("replay")).isEqualTo(2);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("./dead-letters replay <topic>");
    }

    private String run(String... args) throws Exception {
        printed.reset();
        assertThat(command.run(args)).isZero();
        return printed.toString(StandardCharsets.UTF_8);
    }

    /** As the services' dead-letter producer writes it: identifiers and the reason only (DeadLetterValues). */
    private void deadLetter(byte[] value, String reason) throws Exception {
        Properties props = new Properties();
        props.putAll(operator);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                uk.caseqa.messaging.inbound.DeadLetterValues.class.getName());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(dlq, 0, "case-dl".getBytes(
                    StandardCharsets.UTF_8), value);
            record.headers().add("x-original-topic", original.getBytes(StandardCharsets.UTF_8));
            record.headers().add("x-exception-message", reason.getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }
    }
}
