package uk.caseqa.audit.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uk.caseqa.audit.domain.Audit;
import uk.caseqa.audit.domain.CaseRecord;
import uk.caseqa.contracts.Cohort;
import uk.caseqa.messaging.outbox.AggregateStore;
import uk.caseqa.testsupport.WireMongo;

/** Case ids are each council's own: Swindon's case-1 and Bolton's case-1 are different children. */
class AuditsOfTwoCouncilsWithTheSameCaseIdTest {

    static final Instant NOW = Instant.parse("2026-11-02T09:00:00Z");
    final WireMongo store = new WireMongo();
    final MongoAudits audits = new MongoAudits(store.template(), new AggregateStore(store.template()));

    @AfterEach
    void stop() {
        store.close();
    }

    static Audit auditOf(String council, String auditId, Instant at) {
        CaseRecord child = new CaseRecord("case-1", council, Cohort.CP, "svc-1", "team-1", "staff-sw-1", "staff-tm-1",
                "staff-sm-1", "staff-iro-1");
        return Audit.allocate(auditId, child, "staff-tm-7", "staff-qa-1", at,
                Audit.Allocation.full(null, at, Period.ofDays(14), Period.ofDays(7), "t@v1"));
    }

    @Test
    void oneCouncilsAuditOfItsCaseNeitherListsNorExcludesTheOtherCouncilsCaseWithTheSameId() {
        audits.save(auditOf("swindon", "audit-s", NOW), List.of());
        audits.save(auditOf("bolton", "audit-b", NOW.plus(Duration.ofDays(30))), List.of());

        assertThat(audits.findByCase("swindon", "case-1")).extracting(Audit::auditId).containsExactly("audit-s");
        assertThat(audits.findByCase("bolton", "case-1")).extracting(Audit::auditId).containsExactly("audit-b");
        assertThat(audits.lastAllocatedAt("swindon", List.of("case-1"))).containsEntry("case-1", NOW);
        assertThat(audits.lastAllocatedAt("wandsworth", List.of("case-1"))).isEmpty();
    }
}
