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
                Instant.parse("2026-11-20T10:00:00Z"));

        Notification alert = Alerts.caseOfConcernOpened("event-1", "swindon", opened, "https://qa.council.example",
                Instant.parse("2026-11-20T10:00:01Z"));

        assertThat(alert.notificationId()).isEqualTo("event-1:staff-sm-1");
        assertThat(alert.recipientId()).isEqualTo("staff-sm-1");
        assertThat(alert.subject()).isEqualTo("Case of concern coc-audit-1: safety plan due by Saturday 21 November 2026 at 10:00");
        assertThat(alert.body()).contains("https://qa.council.example/cases-of-concern/coc-audit-1")
                .contains("audit-1").contains("case-1").contains("Friday 1 January 2027 at 10:00");
    }
}
