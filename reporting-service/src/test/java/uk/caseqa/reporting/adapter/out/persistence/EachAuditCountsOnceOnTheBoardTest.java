package uk.caseqa.reporting.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uk.caseqa.contracts.AuditModerated;
import uk.caseqa.contracts.CaseOfConcernClosed;
import uk.caseqa.contracts.CaseOfConcernOpened;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.contracts.EventPayload;
import uk.caseqa.contracts.Grade;
import uk.caseqa.contracts.GradeChange;
import uk.caseqa.reporting.application.BoardAggregates;
import uk.caseqa.reporting.application.CountingForTheBoard;
import uk.caseqa.reporting.domain.BoardFact;
import uk.caseqa.testsupport.WireMongo;

/** What the board reads, counted from facts about audits and cases of concern on the real store. */
class EachAuditCountsOnceOnTheBoardTest {

    static final Instant NOVEMBER = Instant.parse("2026-11-10T10:00:00Z");
    final WireMongo store = new WireMongo();
    final MongoBoardAggregates aggregates = new MongoBoardAggregates(store.template());
    final CountingForTheBoard counting = new CountingForTheBoard(aggregates);

    @AfterEach
    void stop() {
        store.close();
    }

    static <T extends EventPayload> EventEnvelope<T> event(String council, String subject, T data) {
        return EventEnvelope.of(UUID.randomUUID().toString(), "urn:caseqa:moderation-service", NOVEMBER, subject,
                council, "corr-1", data);
    }

    static AuditModerated moderated(String auditId, Grade finalGrade, Instant at) {
        return new AuditModerated(auditId, "case-1", "svc-1", "team-1", "staff-hos-1", Grade.GOOD, finalGrade,
                GradeChange.between(Grade.GOOD, finalGrade), at, "staff-tm-7", false);
    }

    /** The grades counted in the month (a grade an audit moved away from reads 0, left out here). */
    Map<String, Long> gradesIn(String council, String month) {
        return aggregates.find(council, BoardFact.AUDITS_BY_FINAL_GRADE, month).stream()
                .map(BoardAggregates.Aggregate::counts).findFirst().orElse(Map.of()).entrySet().stream()
                .filter(e -> e.getValue() != 0).collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                        Map.Entry::getValue));
    }

    @Test
    void anAuditReturnedAndModeratedAgainCountsOnceAtItsLatestGrade() {
        var first = event("swindon", "audit-1", moderated("audit-1", Grade.GOOD, NOVEMBER));
        counting.auditModerated(first);
        counting.auditModerated(first);

        counting.auditModerated(event("swindon", "audit-1", moderated("audit-1", Grade.REQUIRES_IMPROVEMENT,
                NOVEMBER.plus(Duration.ofDays(3)))));
        counting.auditModerated(first);

        assertThat(gradesIn("swindon", "2026-11")).containsExactly(Map.entry("REQUIRES_IMPROVEMENT", 1L));
    }

    @Test
    void aRemoderationInTheNextMonthMovesTheAuditOutOfTheMonthItWasCountedIn() {
        counting.auditModerated(event("bolton", "audit-1", moderated("audit-1", Grade.GOOD, NOVEMBER)));

        counting.auditModerated(event("bolton", "audit-1", moderated("audit-1", Grade.GOOD,
                Instant.parse("2026-12-02T10:00:00Z"))));

        assertThat(gradesIn("bolton", "2026-11")).isEmpty();
        assertThat(gradesIn("bolton", "2026-12")).containsExactly(Map.entry("GOOD", 1L));
    }

    @Test
    void aCaseOfConcernClosedBeforeItsOpeningArrivesStaysClosedAndKeepsNoEventList() {
        counting.caseOfConcernClosed(event("swindon", "coc-audit-1", new CaseOfConcernClosed("coc-audit-1", "audit-1",
                "case-1", "audit-short-1", Grade.GOOD, 1, NOVEMBER.plus(Duration.ofDays(40)), "team-1")));
        counting.caseOfConcernOpened(event("swindon", "coc-audit-1", new CaseOfConcernOpened("coc-audit-1", "audit-1",
                "case-1", "svc-1", "team-1", "staff-sm-1", NOVEMBER.plus(Duration.ofDays(1)),
                NOVEMBER.plus(Duration.ofDays(42)), NOVEMBER, "swindon-2024", List.of())));

        assertThat(aggregates.find("swindon", BoardFact.OPEN_CASES_OF_CONCERN, BoardFact.CURRENT)).singleElement()
                .satisfies(a -> assertThat(a.counts()).containsExactly(Map.entry("CLOSED", 1L)));
        assertThat(store.template().findAll(Document.class, MongoBoardAggregates.COLLECTION))
                .allSatisfy(d -> assertThat(d).doesNotContainKey("handledEventIds"));
    }

    @Test
    void twoReplicasCountingDifferentAuditsOfOneTeamAtOnceLoseNone() throws Exception {
        MongoBoardAggregates otherReplica = new MongoBoardAggregates(store.template());
        CountingForTheBoard[] replicas = {counting, new CountingForTheBoard(otherReplica)};
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<Future<?>> running = new java.util.ArrayList<>();
        for (int r = 0; r < 2; r++) {
            int replica = r;
            running.add(threads.submit(() -> {
                for (int n = 0; n < 100; n++) {
                    together.await();
                    replicas[replica].auditModerated(event("wandsworth", "audit-" + replica + "-" + n,
                            moderated("audit-" + replica + "-" + n, Grade.GOOD, NOVEMBER)));
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        threads.shutdown();

        assertThat(gradesIn("wandsworth", "2026-11")).containsExactly(Map.entry("GOOD", 200L));
    }
}
