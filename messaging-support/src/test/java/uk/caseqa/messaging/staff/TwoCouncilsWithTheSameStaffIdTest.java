package uk.caseqa.messaging.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.contracts.StaffMemberRegistered;
import uk.caseqa.contracts.StaffRole;
import uk.caseqa.messaging.outbox.IdempotentUpserts;
import uk.caseqa.testsupport.WireMongo;

class TwoCouncilsWithTheSameStaffIdTest {

    final WireMongo store = new WireMongo();
    final StaffReadModel staff = new StaffReadModel(store.template(), new IdempotentUpserts(store.template()));

    @AfterEach
    void stop() {
        store.close();
    }

    static EventEnvelope<StaffMemberRegistered> registered(String council, StaffRole role, String email) {
        return EventEnvelope.of(UUID.randomUUID().toString(), "urn:hr", Instant.parse("2026-11-02T09:00:00Z"),
                "staff-tm-7", council, "corr-1", new StaffMemberRegistered("staff-tm-7", role, "team-1", email));
    }

    @Test
    void boltonRegisteringTheSameStaffIdDoesNotOverwriteSwindonsMemberOfStaff() {
        staff.record(registered("swindon", StaffRole.TEAM_MANAGER, "tm7@swindon.example"));
        staff.record(registered("bolton", StaffRole.SERVICE_MANAGER, "tm7@bolton.example"));

        assertThat(staff.find("swindon", "staff-tm-7")).get().satisfies(s -> {
            assertThat(s.email()).isEqualTo("tm7@swindon.example");
            assertThat(s.role()).isEqualTo(StaffRole.TEAM_MANAGER);
            assertThat(s.localAuthority()).isEqualTo("swindon");
        });
        assertThat(staff.find("bolton", "staff-tm-7")).get().extracting(StaffReadModel.Staff::email)
                .isEqualTo("tm7@bolton.example");
        assertThat(staff.find("wandsworth", "staff-tm-7")).isEmpty();
        assertThat(staff.withRoles("swindon", List.of(StaffRole.SERVICE_MANAGER))).isEmpty();
        assertThat(staff.hasRole("bolton", "staff-tm-7", List.of(StaffRole.SERVICE_MANAGER))).isTrue();
    }

    @Test
    void recordsStoredUnderTheBareStaffIdBeforeAreRekeyedByCouncilOnce() {
        store.template().insert(new org.bson.Document("_id", "staff-sm-1").append("localAuthority", "swindon")
                .append("role", "SERVICE_MANAGER").append("teamId", "svc-1").append("email", "sm1@swindon.example"),
                StaffReadModel.COLLECTION);

        assertThat(staff.rekeyRecordsWithoutCouncil()).isEqualTo(1);

        assertThat(staff.find("swindon", "staff-sm-1")).get().extracting(StaffReadModel.Staff::email)
                .isEqualTo("sm1@swindon.example");
        assertThat(staff.rekeyRecordsWithoutCouncil()).isZero();
        assertThat(store.template().count(new org.springframework.data.mongodb.core.query.Query(),
                StaffReadModel.COLLECTION)).isEqualTo(1);
    }
}
