package uk.caseqa.audit.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uk.caseqa.audit.application.RecordingTheRegistry;
import uk.caseqa.audit.domain.CaseRecord;
import uk.caseqa.contracts.CaseClosed;
import uk.caseqa.contracts.CaseOpened;
import uk.caseqa.contracts.CaseResponsibilityChanged;
import uk.caseqa.contracts.Cohort;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.contracts.EventPayload;
import uk.caseqa.messaging.outbox.AggregateStore;
import uk.caseqa.testsupport.WireMongo;

/**
 * A case system's caseload arrives a poll at a time and is stored in one write per poll: within a batch, a case
 * opened and then handed to another team ends with the new team, a redelivered event changes nothing, and a batch
 * delivered again (after a crash before its offsets were committed) applies none of its events twice.
 */
class ABatchOfCaseEventsIsAppliedInOrderAndOnceTest {

    private static final Instant MONDAY = Instant.parse("2026-11-02T09:00:00Z");
    final WireMongo store = new WireMongo();
    final MongoCaseRegistry cases = new MongoCaseRegistry(store.template(), new AggregateStore(store.template()));
    final RecordingTheRegistry registry = new RecordingTheRegistry(cases);

    @AfterEach
    void stop() {
        store.close();
    }

    private static EventEnvelope<EventPayload> event(String caseId, Instant at, EventPayload data) {
        return EventEnvelope.of(UUID.randomUUID().toString(), "urn:caseqa:swindon", at, caseId, "swindon",
                "corr-" + caseId, data);
    }

    @Test
    void eachEventIsAppliedInOrderOnceAndTheWholeBatchAgainChangesNothing() {
        EventEnvelope<EventPayload> opened7 = event("case-7", MONDAY, new CaseOpened("case-7", Cohort.CP, "svc-1",
                "team-north", "staff-sw-1", "staff-tm-1", "staff-sm-1", null));
        EventEnvelope<EventPayload> opened8 = event("case-8", MONDAY, new CaseOpened("case-8", Cohort.CIN, "svc-1",
                "team-north", "staff-sw-2", "staff-tm-1", "staff-sm-1", null));
        EventEnvelope<EventPayload> handedOver = event("case-7", MONDAY.plusSeconds(60),
                new CaseResponsibilityChanged("case-7", "svc-1", "team-south", "staff-sw-3", "staff-tm-2",
                        "staff-sm-1", null));
        EventEnvelope<EventPayload> closed8 = event("case-8", MONDAY.plusSeconds(120), new CaseClosed("case-8"));
        List<EventEnvelope<EventPayload>> batch = List.of(opened7, opened8, handedOver, opened7, closed8);

        assertThat(registry.recordAll(batch)).as("applied now")
                .containsExactly(opened7.id(), opened8.id(), handedOver.id(), closed8.id());
        assertThat(cases.find("swindon", "case-7")).get().extracting(CaseRecord::teamId).isEqualTo("team-south");
        assertThat(cases.openCases("swindon")).extracting(c -> c.record().caseId()).containsExactly("case-7");

        assertThat(registry.recordAll(batch)).as("the batch delivered again").isEmpty();
        assertThat(cases.find("swindon", "case-7")).get().extracting(CaseRecord::socialWorkerId)
                .isEqualTo("staff-sw-3");
        assertThat(store.template().getCollection(MongoCaseRegistry.COLLECTION).countDocuments()).isEqualTo(2);
    }
}
