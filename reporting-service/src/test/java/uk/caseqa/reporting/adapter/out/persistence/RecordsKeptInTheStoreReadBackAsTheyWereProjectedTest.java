package uk.caseqa.reporting.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.contracts.EventPayload;
import uk.caseqa.reporting.application.BoardRecords;
import uk.caseqa.reporting.application.InMemoryBoardRecords;
import uk.caseqa.reporting.application.ProjectingEvents;
import uk.caseqa.reporting.demo.YearOfAudits;
import uk.caseqa.reporting.domain.AuditRecord;
import uk.caseqa.testsupport.WireMongo;

class RecordsKeptInTheStoreReadBackAsTheyWereProjectedTest {

    private static final Instant NOW = Instant.parse("2025-01-20T10:00:00Z");

    @Test
    void aYearOfTwoCouncilsProjectedInBatchesIntoTheStoreReadsBackEqualToTheSameYearProjectedInMemory() {
        YearOfAudits.History year = YearOfAudits.generate(YearOfAudits.twoCouncils(), LocalDate.of(2024, 1, 1), 12,
                NOW, 11L);
        InMemoryBoardRecords expected = InMemoryBoardRecords.of(year.events());
        try (WireMongo store = new WireMongo()) {
            MongoBoardRecords records = new MongoBoardRecords(store.template(), new SimpleMeterRegistry());
            ProjectingEvents projecting = new ProjectingEvents(records);
            List<EventEnvelope<EventPayload>> events = year.events();
            for (int from = 0; from < events.size(); from += 250) {
                projecting.projectAll(events.subList(from, Math.min(events.size(), from + 250)));
            }
            for (YearOfAudits.Council council : YearOfAudits.twoCouncils()) {
                BoardRecords.CouncilRecords read = records.load(council.id());
                BoardRecords.CouncilRecords projected = expected.load(council.id());
                assertThat(read.audits()).isNotEmpty().containsExactlyInAnyOrderElementsOf(projected.audits());
                assertThat(read.concerns()).isNotEmpty().containsExactlyInAnyOrderElementsOf(projected.concerns());
                assertThat(read.followUps()).containsExactlyInAnyOrderElementsOf(projected.followUps());
            }
            // a replay of the same events changes nothing: no record is written again
            long versions = versionsOf(store);
            projecting.projectAll(events.subList(0, 500));
            assertThat(versionsOf(store)).isEqualTo(versions);
        }
    }

    @Test
    void theIndexAnEarlierVersionMadeOnIdAndVersionIsDroppedAndTheVersionCheckedWriteStillRefusesAStaleVersion() {
        try (WireMongo store = new WireMongo()) {
            var collection = store.template().getCollection(MongoBoardRecords.COLLECTION);
            collection.createIndex(new Document("_id", 1).append("version", 1),
                    new com.mongodb.client.model.IndexOptions().unique(true).name(MongoBoardRecords.RETIRED_INDEX));

            MongoBoardRecords records = new MongoBoardRecords(store.template(), new SimpleMeterRegistry());
            new MongoBoardRecords(store.template(), new SimpleMeterRegistry()); // started again: nothing to drop

            List<String> names = new ArrayList<>();
            collection.listIndexes().forEach(index -> names.add(index.getString("name")));
            assertThat(names).doesNotContain(MongoBoardRecords.RETIRED_INDEX).contains("council", "dirty");
            records.changeAll(List.of(new BoardRecords.AuditChange("swindon", "a-1",
                    r -> r.allocated("case-1", "staff-tm-1", NOW.plusSeconds(86_400), NOW), false)));
            Document stored = collection.find(new Document("_id", "audit|swindon|a-1")).first();
            assertThat(collection.updateOne(new Document("_id", stored.get("_id")).append("version",
                    stored.getLong("version") - 1), new Document("$set", new Document("dirty", false)))
                    .getMatchedCount()).as("a write of a stale version").isZero();
        }
    }

    @Test
    void aRecordAnEarlierVersionWroteAsASubDocumentIsReadAndWrittenBackAsTextAtItsNextChange() {
        try (WireMongo store = new WireMongo()) {
            MongoBoardRecords records = new MongoBoardRecords(store.template(), new SimpleMeterRegistry());
            AuditRecord earlier = AuditRecord.of("swindon", "a-1").allocated("case-1", "staff-tm-1",
                    NOW.plusSeconds(86_400), NOW);
            Document subDocument = new Document();
            store.template().getConverter().write(earlier, subDocument);
            store.template().getCollection(MongoBoardRecords.COLLECTION).insertOne(new Document("_id",
                    "audit|swindon|a-1").append("kind", "audit").append("localAuthority", "swindon")
                    .append("audit", subDocument).append("dirty", false).append("version", 3L));

            assertThat(records.load("swindon").audits()).containsExactly(earlier);

            records.changeAll(List.of(new BoardRecords.AuditChange("swindon", "a-1",
                    r -> r.overdue("case-1", NOW.plusSeconds(86_400)), true)));
            Document rewritten = store.template().getCollection(MongoBoardRecords.COLLECTION)
                    .find(new Document("_id", "audit|swindon|a-1")).first();
            assertThat(rewritten.getString("record")).contains("a-1");
            assertThat(rewritten.get("version")).isEqualTo(4L);
            assertThat(records.load("swindon").audits()).singleElement()
                    .satisfies(a -> assertThat(a.auditId()).isEqualTo("a-1"));
        }
    }

    @Test
    void aCouncilsRecordsAreCountedFromRepliesOfAFewThousandNotOneReplyOfThemAll() {
        MongoServer server = new MongoServer(
                new MemoryBackend());
        AtomicInteger getMores = new AtomicInteger();
        var address = server.bind();
        var settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + address.getPort()))
                .addCommandListener(new CommandListener() {
                    @Override
                    public void commandStarted(CommandStartedEvent event) {
                        if (event.getCommandName().equals("getMore")) {
                            getMores.incrementAndGet();
                        }
                    }
                }).build();
        try (MongoClient client = MongoClients.create(settings)) {
            var template = new MongoTemplate(client, "test");
            MongoBoardRecords records = new MongoBoardRecords(template, new SimpleMeterRegistry());
            AuditRecord audit = AuditRecord.of("swindon", "a-0").allocated("case-1", "staff-tm-1",
                    NOW.plusSeconds(86_400), NOW);
            Document subDocument = new Document();
            template.getConverter().write(audit, subDocument);
            List<Document> stored = new ArrayList<>();
            int count = 2 * MongoBoardRecords.LOAD_BATCH + 1;
            for (int i = 0; i < count; i++) {
                stored.add(new Document("_id", "audit|swindon|a-" + i).append("kind", "audit")
                        .append("localAuthority", "swindon").append("audit", subDocument).append("dirty", false)
                        .append("version", 1L));
            }
            template.getCollection(MongoBoardRecords.COLLECTION).insertMany(stored);

            assertThat(records.load("swindon").audits()).hasSize(count);
            assertThat(getMores.get()).as("replies after the first").isEqualTo(2);
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void aRecordThisVersionCannotReadIsNamedWithTheWayOutNotSkipped() {
        try (WireMongo store = new WireMongo()) {
            MongoBoardRecords records = new MongoBoardRecords(store.template(), new SimpleMeterRegistry());
            store.template().getCollection(MongoBoardRecords.COLLECTION).insertOne(new Document("_id",
                    "audit|swindon|a-1").append("kind", "audit").append("localAuthority", "swindon")
                    .append("version", 1L).append("record", "{\"auditId\": [not json"));
            assertThatThrownBy(() -> records.load("swindon"))
                    .hasMessageContaining("audit|swindon|a-1").hasMessageContaining("CASEQA_REPORTING_REBUILD=true");
        }
    }

    private static long versionsOf(WireMongo store) {
        List<Long> versions = new ArrayList<>();
        store.template().getCollection(MongoBoardRecords.COLLECTION).find()
                .forEach(d -> versions.add(((Number) d.get("version")).longValue()));
        return versions.stream().mapToLong(Long::longValue).sum();
    }
}
