package uk.caseqa.audit.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uk.caseqa.audit.application.RecordingTheRegistry;
import uk.caseqa.audit.domain.CaseRecord;
import uk.caseqa.contracts.CaseOpened;
import uk.caseqa.contracts.Cohort;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.messaging.outbox.AggregateStore;
import uk.caseqa.testsupport.WireMongo;

/**
 * Swindon's and Bolton's case systems both publish CaseOpened for case-7. They are two children: each council's
 * record keeps its own service, team and service manager, and Bolton's event never overwrites Swindon's case (it did,
 * when the registry kept one record per case id).
 */
class TwoCouncilsOpeningTheSameCaseIdTest {

    final WireMongo store = new WireMongo();
    final MongoCaseRegistry cases = new MongoCaseRegistry(store.template(), new AggregateStore(store.template()));
    final RecordingTheRegistry registry = new RecordingTheRegistry(cases);

    @AfterEach
    void stop() {
        store.close();
    }

    static EventEnvelope<CaseOpened> opened(String council, String service, String serviceManager) {
        return EventEnvelope.of(UUID.randomUUID().toString(), "urn:caseqa:" + council, Instant.parse(
                "2026-11-02T09:00:00Z"), "case-7", council, "corr-7", new CaseOpened("case-7", Cohort.CP, service,
                "team-" + council, "staff-sw-1", "staff-tm-1", serviceManager, null));
    }

    @Test
    void eachCouncilKeepsItsOwnCaseUnderTheSameId() {
        registry.caseOpened(opened("swindon", "svc-swindon-safeguarding", "staff-sm-1"));
        registry.caseOpened(opened("bolton", "svc-bolton-cp", "staff-sm-1-bolton"));

        assertThat(cases.find("swindon", "case-7")).get().satisfies(c -> {
            assertThat(c.serviceId()).isEqualTo("svc-swindon-safeguarding");
            assertThat(c.serviceManagerId()).isEqualTo("staff-sm-1");
            assertThat(c.teamId()).isEqualTo("team-swindon");
        });
        assertThat(cases.find("bolton", "case-7")).get().extracting(CaseRecord::serviceManagerId)
                .isEqualTo("staff-sm-1-bolton");
        assertThat(cases.find("wandsworth", "case-7")).isEmpty();
        assertThat(cases.findInAnyCouncil("case-7")).extracting(CaseRecord::localAuthority)
                .containsExactlyInAnyOrder("swindon", "bolton");
        assertThat(cases.openCases("swindon")).singleElement()
                .satisfies(c -> assertThat(c.record().serviceId()).isEqualTo("svc-swindon-safeguarding"));
    }

    @Test
    void aCaseStoredUnderItsIdAloneMovesUnderItsCouncilAtStart() {
        store.template().insert(new Document("_id", "case-old").append("localAuthority", "swindon")
                .append("cohort", "CIN").append("open", true).append("known", true)
                .append("responsibility", new Document("serviceId", "svc-1").append("teamId", "team-1")
                        .append("socialWorkerId", "sw").append("teamManagerId", "tm").append("serviceManagerId", "sm"))
                .append("version", 1L), MongoCaseRegistry.COLLECTION);

        MongoCaseRegistry restarted = new MongoCaseRegistry(store.template(), new AggregateStore(store.template()));

        assertThat(restarted.find("swindon", "case-old")).get().extracting(CaseRecord::serviceManagerId)
                .isEqualTo("sm");
        assertThat(restarted.rekeyCasesWithoutCouncil()).as("moved once").isZero();
        assertThat(store.template().getCollection(MongoCaseRegistry.COLLECTION).countDocuments()).isEqualTo(1);
    }
}
