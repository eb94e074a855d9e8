package uk.caseqa.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import uk.caseqa.contracts.CaseOfConcernOpened;

class CaseOfConcernAlertTest {

    @Test
    void theServiceManagerIsToldTheReferenceTheDeadlinesAndWhereToActAndNothingElse() {
        var opened = new CaseOfConcernOpened("coc-audit-1", "audit-1", "case-1", "svc-1", "team-1", "staff-sm-1",
                Instant.parse("2026-11-21T10:00:00Z"), Instant.parse("2027-01-01T10:00:00Z"),
                Instant.parse("2026-11-20T10:00:00Z"), "swindon-2024", java.util.List.of());

        Notification alert = Alerts.caseOfConcernOpened("event-1", "swindon", opened, "https://qa.council.example",
                Instant.parse("2026-11-20T10:00:01Z"));

        assertThat(alert.notificationId()).isEqualTo("event-1:staff-sm-1");
        assertThat(alert.recipientId()).isEqualTo("staff-sm-1");
        assertThat(alert.subject()).isEqualTo("Case of concern coc-audit-1: safety plan due by Saturday 21 November 2026 at 10:00");
        assertThat(alert.body()).contains("https://qa.council.example/cases-of-concern/coc-audit-1")
                .contains("audit-1").contains("case-1").contains("Friday 1 January 2027 at 10:00");
    }

    @Test
    void theRolesTheProfileNamesAreToldOnceEachAndTheServiceManagerIsNotToldTwice() {
        var opened = new CaseOfConcernOpened("coc-audit-1", "audit-1", "case-1", "svc-1", "team-1", "staff-sm-1",
                Instant.parse("2026-11-21T10:00:00Z"), Instant.parse("2027-01-01T10:00:00Z"),
                Instant.parse("2026-11-20T10:00:00Z"), "bolton", java.util.List.of(
                        uk.caseqa.contracts.StaffRole.HEAD_OF_SERVICE));

        var alerts = Alerts.caseOfConcernOpened("event-1", "bolton", opened,
                java.util.List.of("staff-hos-1", "staff-sm-1", "staff-hos-1"), "https://qa", Instant.now());

        assertThat(alerts).extracting(Notification::recipientId).containsExactly("staff-sm-1", "staff-hos-1");
        assertThat(alerts.get(1).subject()).startsWith("For information: case of concern coc-audit-1");
    }

    @Test
    void anOverduePlanGoesToTheServiceManagerAndTheNextLevelOfTheChain() {
        var overdue = new uk.caseqa.contracts.SafetyPlanOverdue("coc-audit-1", "audit-1", "case-1", "staff-sm-1",
                Instant.parse("2026-11-21T10:00:00Z"), 1, java.util.List.of(uk.caseqa.contracts.StaffRole.HEAD_OF_SERVICE));

        var alerts = Alerts.safetyPlanOverdue("event-2", "swindon", overdue, java.util.List.of("staff-hos-1"),
                "https://qa", Instant.now());

        assertThat(alerts).extracting(Notification::notificationId)
                .containsExactly("event-2:staff-sm-1", "event-2:staff-hos-1");
        assertThat(alerts.get(0).body()).contains("Saturday 21 November 2026 at 10:00").contains("level 1");
    }
}
