package uk.caseqa.messaging.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import uk.caseqa.contracts.CaseOpened;
import uk.caseqa.contracts.Cohort;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.contracts.EventJson;

class ADeadLetterHoldsIdentifiersAndTheReasonOnlyTest {

    final DeadLetterValues values = new DeadLetterValues();

    @Test
    void aValidEventIsKeptAsTheContractWritesItWithoutWhatTheSenderAdded() {
        String sent = EventJson.writeString(EventEnvelope.of("evt-1", "urn:caseqa:test", Instant.parse(
                "2026-11-26T10:00:00Z"), "case-1", "swindon", "corr-1", new CaseOpened("case-1", Cohort.CP, "svc-1",
                        "team-1", "sw-1", "tm-1", "sm-1", null)))
                .replaceFirst("\\{", "{\"childName\":\"Jane Example\",");
        RecordHeaders headers = new RecordHeaders();

        byte[] kept = values.serialize("qa.case-events.audit-service.dlq", headers, sent.getBytes(StandardCharsets.UTF_8));

        assertThat(new String(kept, StandardCharsets.UTF_8)).doesNotContain("Jane Example");
        assertThat(EventJson.read(kept).id()).as("still an event: it can be replayed").isEqualTo("evt-1");
        assertThat(headers.lastHeader(DeadLetterValues.REDACTED)).isNull();
    }

    @Test
    void anInvalidMessageKeepsOnlyTheIdentifiersItNamesAndIsMarked() {
        String sent = "{\"id\":\"evt-2\",\"type\":\"CaseOpened\",\"subject\":\"case-2\",\"localauthority\":\"swindon\","
                + "\"data\":{\"caseId\":\"case-2\",\"notes\":\"Jane Example was seen at home\"}}";
        RecordHeaders headers = new RecordHeaders();
        headers.add("x-exception-stacktrace", "java.lang.IllegalStateException: ...".getBytes(StandardCharsets.UTF_8));

        String kept = new String(values.serialize("t", headers, sent.getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8);

        assertThat(kept).doesNotContain("Jane").contains("\"id\":\"evt-2\"", "\"subject\":\"case-2\"",
                "\"localauthority\":\"swindon\"", "refused as invalid");
        assertThat(headers.lastHeader(DeadLetterValues.REDACTED)).isNotNull();
        assertThat(headers.lastHeader("x-exception-stacktrace")).isNull();
    }

    @Test
    void aSendersOwnRedactedMarkOnAValidEventIsNotKept() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(DeadLetterValues.REDACTED, "pretend".getBytes(StandardCharsets.UTF_8));
        values.serialize("t", headers, EventJson.write(EventEnvelope.of("evt-3", "urn:caseqa:test", Instant.now(),
                "case-3", "swindon", "corr-3", new CaseOpened("case-3", Cohort.CP, "svc-1", "team-1", "sw-1", "tm-1",
                        "sm-1", null))));

        assertThat(headers.lastHeader(DeadLetterValues.REDACTED)).as("it can still be replayed").isNull();
    }

    @Test
    void bytesThatAreNotJsonKeepOnlyTheirSize() {
        String kept = new String(values.serialize("t", new RecordHeaders(), new byte[] {(byte) 0xC0, (byte) 0xAF}),
                StandardCharsets.UTF_8);

        assertThat(kept).contains("\"bytes\":2").doesNotContain("\"id\"");
    }
}
