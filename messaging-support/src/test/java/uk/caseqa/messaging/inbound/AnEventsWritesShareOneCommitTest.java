package uk.caseqa.messaging.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.messaging.support.MessageBuilder;
import uk.caseqa.contracts.CaseOfConcernOpened;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.contracts.EventJson;
import uk.caseqa.testsupport.WireMongo;

/**
 * An Inadequate grade's case of concern makes notification-service write an email, its reminder and a work item.
 * Under a burst each write waited its turn for the store's commit; now they do not wait for the journal, and one
 * write at the end of the event (its received-event record marked settled), at the store's own write concern,
 * makes them all durable at once. An event that writes nothing costs no commit; one that fails settles nothing (it comes again); writes
 * outside an event keep the store's own write concern.
 */
class AnEventsWritesShareOneCommitTest {

    final WireMongo store = new WireMongo();
    final InboundEvents inbound;

    AnEventsWritesShareOneCommitTest() {
        store.template().setWriteConcernResolver(new OneCommitPerEvent(store.template().getDb().getWriteConcern()));
        inbound = new InboundEvents(new SimpleMeterRegistry(), Set.of("swindon"), new ReceivedEvents(store.template()));
    }

    @AfterEach
    void stop() {
        store.close();
    }

    @Test
    void theEmailItsReminderAndTheWorkItemWaitForTheOneWriteThatSettlesTheEvent() {
        inbound.handleInOneCommit(message("evt-1"), event -> {
            store.template().insert(new Document("_id", event.id() + ":staff-sm-1"), "notifications");
            store.template().insert(new Document("_id", event.id() + ":staff-sm-1:reminder"), "notifications");
            store.template().upsert(Query.query(Criteria.where("_id").is("safety-plan:coc-1")),
                    new Update().set("open", true), "workItems");
        });

        List<WireMongo.Asked> writes = writes();
        assertThat(writes).extracting(WireMongo.Asked::command, WireMongo.Asked::collection).containsExactly(
                org.assertj.core.groups.Tuple.tuple("insert", "receivedEvents"),
                org.assertj.core.groups.Tuple.tuple("insert", "notifications"),
                org.assertj.core.groups.Tuple.tuple("insert", "notifications"),
                org.assertj.core.groups.Tuple.tuple("update", "workItems"),
                org.assertj.core.groups.Tuple.tuple("update", "receivedEvents"));
        assertThat(writes.subList(0, 4)).allSatisfy(w -> assertThat(journal(w)).isEqualTo(BsonBoolean.FALSE));
        assertThat(journal(writes.get(4))).as("the settling write at the store's own write concern").isNull();
        assertThat(store.template().findById("evt-1", Document.class, "receivedEvents")).containsKey("settledAt");
    }

    @Test
    void anEventThatWritesNothingCostsNoCommit() {
        inbound.handleInOneCommit(message("evt-2"), event -> store.template().findById("nothing", Document.class,
                "notifications"));

        assertThat(writes()).extracting(WireMongo.Asked::collection).containsExactly("receivedEvents");
        assertThat(journal(writes().get(0))).isEqualTo(BsonBoolean.FALSE);
    }

    @Test
    void anEventWhoseHandlingFailsSettlesNothingAndComesAgain() {
        assertThatThrownBy(() -> inbound.handleInOneCommit(message("evt-3"), event -> {
            store.template().insert(new Document("_id", "half-done"), "notifications");
            throw new IllegalStateException("the store went away");
        })).hasMessage("the store went away");
        store.template().insert(new Document("_id", "next"), "notifications");

        assertThat(writes()).extracting(WireMongo.Asked::command).containsExactly("insert", "insert", "insert");
        assertThat(journal(writes().get(2))).as("the failed event's scope is over").isNull();
    }

    @Test
    void writesOutsideAnEventKeepTheStoresOwnWriteConcern() {
        inbound.handleInOneCommit(message("evt-4"), event -> store.template().insert(new Document("_id", "in"),
                "notifications"));
        store.template().insert(new Document("_id", "after"), "notifications");

        WireMongo.Asked after = writes().get(writes().size() - 1);
        assertThat(after.collection()).isEqualTo("notifications");
        assertThat(journal(after)).as("as the template would write it without an event").isNull();
    }

    private List<WireMongo.Asked> writes() {
        return store.asked().stream().filter(a -> Set.of("insert", "update").contains(a.command())).toList();
    }

    private static org.bson.BsonValue journal(WireMongo.Asked write) {
        BsonDocument concern = write.writeConcern();
        return concern == null ? null : concern.get("j");
    }

    private static org.springframework.messaging.Message<byte[]> message(String id) {
        Instant now = Instant.now();
        return MessageBuilder.withPayload(EventJson.write(EventEnvelope.of(id, "urn:caseqa:concern-service", now,
                "coc-1", "swindon", "corr-1", new CaseOfConcernOpened("coc-1", "audit-1", "case-1", "svc-1", "team-1",
                        "staff-sm-1", now.plusSeconds(86400), now.plusSeconds(42 * 86400), now, "swindon-2024",
                        List.of())))).build();
    }
}
