package uk.caseqa.contracts;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A refusal's reason goes to logs and dead-letter headers: it names the field or position, never the text met. */
class ARefusalSaysWhereNotWhatTheSenderWroteTest {

    @Test
    void malformedJsonIsRefusedByPositionWithoutQuotingIt() {
        assertThatThrownBy(() -> EventJson.read("{\"type\":\"CaseOpened\", JaneExample lives at 1 High Street}"))
                .isInstanceOf(InvalidEventException.class).hasMessageStartingWith("not well-formed JSON (line 1")
                .hasMessageNotContaining("Jane").hasMessageNotContaining("High Street");
    }

    @Test
    void aPayloadFieldOfTheWrongTypeIsRefusedByItsPathWithoutQuotingTheValue() {
        String json = EventJson.writeString(EventEnvelope.of("evt-1", "urn:caseqa:test", java.time.Instant.now(),
                "case-1", "swindon", "corr-1", new CaseOpened("case-1", Cohort.CP, "svc-1", "team-1", "sw-1", "tm-1",
                        "sm-1", null))).replace("\"CP\"", "\"Jane Example is at risk\"");
        assertThatThrownBy(() -> EventJson.read(json)).isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("data.cohort").hasMessageNotContaining("Jane");
    }
}
