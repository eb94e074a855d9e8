package uk.caseqa.messaging.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.support.MessageBuilder;
import uk.caseqa.contracts.CaseOpened;
import uk.caseqa.contracts.Cohort;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.contracts.EventJson;
import uk.caseqa.contracts.InvalidEventException;
import uk.caseqa.testsupport.WireMongo;

/**
 * A case system resends an event: the same id and the same fact is a redelivery (the consumers are idempotent); the
 * same id carrying another fact is refused with the reason, not taken for a redelivery and silently dropped. An
 * event from a council the deployment does not serve is refused too.
 */
class AnEventIdReusedForOtherContentIsRefusedTest {

    final WireMongo store = new WireMongo();
    final InboundEvents inbound = new InboundEvents(new SimpleMeterRegistry(), Set.of("swindon", "bolton"),
            new ReceivedEvents(store.template()));
    final List<String> handled = new ArrayList<>();

    @AfterEach
    void stop() {
        store.close();
    }

    static EventEnvelope<CaseOpened> opened(String council, Instant time, String teamId) {
        return EventEnvelope.of("evt-1", "urn:caseqa:case-management", time, "case-1", council, "corr-1",
                new CaseOpened("case-1", Cohort.CP, "svc-1", teamId, "sw-1", "tm-1", "sm-1", null));
    }

    void receive(EventEnvelope<?> event) {
        inbound.handle(MessageBuilder.withPayload(EventJson.write(event)).build(), e -> handled.add(e.id()));
    }

    @Test
    void theSameFactAgainIsARedeliveryEvenAtAnotherTimeButAnotherFactUnderTheSameIdIsRefused() {
        receive(opened("swindon", Instant.parse("2026-11-02T09:00:00Z"), "team-north"));
        assertThatCode(() -> receive(opened("swindon", Instant.parse("2026-11-02T09:05:00Z"), "team-north")))
                .doesNotThrowAnyException();
        assertThat(handled).hasSize(2);

        assertThatThrownBy(() -> receive(opened("swindon", Instant.parse("2026-11-02T09:00:00Z"), "team-south")))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("event id evt-1 was received before with different content");
        assertThat(handled).as("never handed to the use case").hasSize(2);
    }

    @Test
    void anOutboxRepublishingAfterACrashWithItsMapsInAnotherOrderIsARedelivery() {
        var first = tools.jackson.databind.json.JsonMapper.builder().build()
                .readTree("{\"b\":1,\"a\":{\"y\":[1,2],\"x\":\"GOOD\"}}");
        var again = tools.jackson.databind.json.JsonMapper.builder().build()
                .readTree("{\"a\":{\"x\":\"GOOD\",\"y\":[1,2]},\"b\":1}");
        var reordered = tools.jackson.databind.json.JsonMapper.builder().build()
                .readTree("{\"a\":{\"x\":\"GOOD\",\"y\":[2,1]},\"b\":1}");
        assertThat(ReceivedEvents.canonical(again)).isEqualTo(ReceivedEvents.canonical(first));
        assertThat(ReceivedEvents.canonical(reordered)).as("a list's order is what it says")
                .isNotEqualTo(ReceivedEvents.canonical(first));
    }

    @Test
    void anEventFromACouncilNotServedIsRefusedBeforeAnythingIsKept() {
        assertThatThrownBy(() -> receive(opened("swindn", Instant.now(), "team-north")))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("'swindn' is not a council this deployment serves (caseqa.councils: [bolton, swindon])");
        receive(opened("swindon", Instant.now(), "team-north"));
        assertThat(handled).containsExactly("evt-1");
    }

    @Test
    void anEventsRecordAndABatchsRecordsAreWrittenWithoutWaitingForTheJournalButTheServicesOwnWritesStillWait() {
        receive(opened("swindon", Instant.now(), "team-north"));
        List<EventEnvelope<?>> batch = List.of(
                EventEnvelope.of("evt-2", "urn:caseqa:case-management", Instant.now(), "case-2", "bolton", "corr-2",
                        new CaseOpened("case-2", Cohort.CP, "svc-1", "team-a", "sw-1", "tm-1", "sm-1", null)),
                opened("swindon", Instant.now(), "team-south"),
                EventEnvelope.of("evt-3", "urn:caseqa:case-management", Instant.now(), "case-3", "bolton", "corr-3",
                        new CaseOpened("case-3", Cohort.CP, "svc-1", "team-a", "sw-1", "tm-1", "sm-1", null)));
        List<String> refused = new ArrayList<>();
        List<EventEnvelope<uk.caseqa.contracts.EventPayload>> applied = inbound.readBatch(
                batch.stream().map(EventJson::write).toList(), null,
                (index, reason) -> refused.add(index + ": " + reason.getMessage()));
        store.template().insert(new org.bson.Document("_id", "coc-1"), "casesOfConcern");

        assertThat(applied).extracting(EventEnvelope::id).as("up to the refused one").containsExactly("evt-2");
        assertThat(refused).singleElement().asString()
                .startsWith("1: event id evt-1 was received before with different content");
        List<WireMongo.Asked> records = store.asked().stream()
                .filter(a -> ReceivedEvents.COLLECTION.equals(a.collection()) && a.command().equals("insert")).toList();
        assertThat(records).as("one insert for the event, one for the batch").hasSize(2)
                .allSatisfy(insert -> assertThat(insert.writeConcern())
                        .isEqualTo(org.bson.BsonDocument.parse("{j: false}")));
        assertThat(store.asked()).filteredOn(a -> "casesOfConcern".equals(a.collection())).singleElement()
                .as("the service's own write waits for the journal as the deployment says")
                .extracting(WireMongo.Asked::writeConcern).isNull();
    }

    static EventEnvelope<CaseOpened> openedCase(int n, String teamId) {
        return EventEnvelope.of("evt-" + n, "urn:caseqa:case-management", Instant.now(), "case-" + n, "swindon",
                "corr-" + n, new CaseOpened("case-" + n, Cohort.CP, "svc-1", teamId, "sw-1", "tm-1", "sm-1", null));
    }

    List<String> refusedIn(List<? extends EventEnvelope<?>> batch) {
        List<String> refused = new ArrayList<>();
        inbound.readBatch(batch.stream().map(EventJson::write).toList(), null,
                (index, reason) -> refused.add(index + ": " + reason.getMessage()));
        return refused;
    }

    @Test
    void aCaseloadArrivingAtOnceIsRecordedAThousandToADocumentAndItsIdsAreStillRefusedForOtherContent() {
        List<EventEnvelope<CaseOpened>> caseload = new ArrayList<>();
        for (int n = 1; n <= 2_500; n++) {
            caseload.add(openedCase(n, "team-north"));
        }
        assertThat(refusedIn(caseload)).isEmpty();
        assertThat(store.template().getCollection(ReceivedEvents.COLLECTION).countDocuments())
                .as("2,500 events in three documents").isEqualTo(3);

        assertThat(refusedIn(List.of(openedCase(7, "team-north"), openedCase(2_499, "team-north"))))
                .as("the same facts again are redeliveries").isEmpty();
        assertThat(refusedIn(List.of(openedCase(2_501, "team-north"), openedCase(1_200, "team-south"),
                openedCase(2_502, "team-north"))))
                .singleElement().asString().startsWith("1: event id evt-1200 was received before with different content");
        assertThat(refusedIn(List.of(openedCase(2_502, "team-south"))))
                .as("an event after the refused one was recorded: another fact under its id is refused too")
                .singleElement().asString().startsWith("0: event id evt-2502 was received before");
    }

    @Test
    void theSameIdTwiceInOnePollIsARedeliveryWithTheSameContentAndRefusedWithOther() {
        assertThat(refusedIn(List.of(openedCase(1, "team-north"), openedCase(1, "team-north"))))
                .as("a producer's retry inside one poll").isEmpty();
        assertThat(refusedIn(List.of(openedCase(2, "team-north"), openedCase(3, "team-north"),
                openedCase(2, "team-south"))))
                .singleElement().asString().startsWith("2: event id evt-2 was received before with different content");
    }

    @Test
    void anIdRecordedAloneBeforeIsRefusedForOtherContentInABatchAndTheSameFactIsARedelivery() {
        receive(opened("swindon", Instant.parse("2026-11-02T09:00:00Z"), "team-north"));
        assertThat(refusedIn(List.of(opened("swindon", Instant.parse("2026-11-02T09:10:00Z"), "team-north"))))
                .isEmpty();
        assertThat(refusedIn(List.of(opened("swindon", Instant.parse("2026-11-02T09:00:00Z"), "team-south"))))
                .singleElement().asString().startsWith("0: event id evt-1 was received before with different content");
    }

    @Test
    void aPollTakenAgainAfterAFailureFindsItsRecordsAndWritesNoMore() {
        List<EventEnvelope<CaseOpened>> poll = List.of(openedCase(1, "team-north"), openedCase(2, "team-north"));
        assertThat(refusedIn(poll)).isEmpty();
        assertThat(refusedIn(poll)).as("the binder's retry of the whole poll").isEmpty();
        assertThat(store.template().getCollection(ReceivedEvents.COLLECTION).countDocuments()).isEqualTo(1);
    }

    @Test
    void aBatchsRecordsAreForgottenAfterThirtyDaysAsAnEventsAre() {
        assertThat(refusedIn(List.of(openedCase(1, "team-north")))).isEmpty();
        var records = store.template().getCollection(ReceivedEvents.COLLECTION);
        records.updateMany(new org.bson.Document(), new org.bson.Document("$set", new org.bson.Document("receivedAt",
                java.util.Date.from(Instant.now().minus(java.time.Duration.ofDays(ReceivedEvents.KEPT_DAYS + 1))))));
        assertThat(refusedIn(List.of(openedCase(2, "team-north")))).isEmpty();

        new ReceivedEvents(store.template()).forgetOld();

        assertThat(records.countDocuments()).as("the second poll's, received today").isEqualTo(1);
        assertThat(refusedIn(List.of(openedCase(1, "team-south")))).as("a month on, evt-1 is a new id").isEmpty();
    }

    @Test
    void anIdThatReadsAsAnObjectIdIsFoundWhateverItsCase() {
        String id = "5F3A9C2B1D4E6F708192A3B4";
        receive(EventEnvelope.of(id, "urn:caseqa:case-management", Instant.now(), "case-1", "swindon", "corr-1",
                new CaseOpened("case-1", Cohort.CP, "svc-1", "team-north", "sw-1", "tm-1", "sm-1", null)));
        assertThat(refusedIn(List.of(EventEnvelope.of(id, "urn:caseqa:case-management", Instant.now(), "case-1",
                "swindon", "corr-1", new CaseOpened("case-1", Cohort.CP, "svc-1", "team-south", "sw-1", "tm-1", "sm-1",
                        null))))).singleElement().asString().startsWith("0: event id " + id + " was received before");
    }
}
