package uk.caseqa.notification.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.caseqa.notification.adapter.out.mail.MustacheMessages;
import uk.caseqa.notification.domain.Message;
import uk.caseqa.notification.domain.Party;
import uk.caseqa.notification.domain.Route;
import uk.caseqa.notification.domain.RoutingTable;

class CouncilsWordingAndRoutesTest {

    final MustacheMessages messages = new MustacheMessages();

    static Map<String, Object> opened() {
        return Map.of("caseOfConcernId", "coc-audit-1", "auditId", "audit-1", "caseId", "case-1", "safetyPlanDueBy",
                "Thursday 26 November 2026 at 10:00", "reAuditDueBy", "Thursday 7 January 2027 at 10:00",
                "serviceManagerId", "staff-sm-1", "recipient", "Sam Okafor", "acting", true, "council", "x",
                "links", Map.of("concern", "https://qa.example"));
    }

    @Test
    void wandsworthWordsTheCaseOfConcernItsOwnWayAndEveryOtherCouncilTakesTheDefault() {
        Message wandsworth = messages.render("case-of-concern-opened", "wandsworth", opened());
        Message swindon = messages.render("case-of-concern-opened", "swindon", opened());

        assertThat(wandsworth.text()).contains("Head of Safeguarding Standards");
        assertThat(swindon.text()).doesNotContain("Head of Safeguarding Standards");
        assertThat(wandsworth.subject()).isEqualTo(swindon.subject());
        assertThat(wandsworth.link()).isEqualTo("https://qa.example/pages/cases-of-concern/coc-audit-1");
    }

    @Test
    void aTableWithoutARouteForAnEventPeopleActOnIsRefusedAtStartUpNamingIt() {
        List<Route> everyRouteButOne = NotificationStory.settings().routes().stream()
                .filter(r -> !r.event().equals("IroCommentOverdue")).toList();

        assertThatThrownBy(() -> new RoutingTable(everyRouteButOne, Set.of("swindon")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no '*' route for IroCommentOverdue");
    }

    @Test
    void aMisspeltEventCouncilOrReminderFieldIsRefusedAtStartUp() {
        List<Route> routes = new java.util.ArrayList<>(NotificationStory.settings().routes());
        routes.add(new Route("swindn", "AuditOverdue", List.of(Party.AUDITOR), List.of(), Route.Urgency.URGENT, null,
                "test", null));
        routes.add(new Route("swindon", "AuditOverdew", List.of(Party.AUDITOR), List.of(), Route.Urgency.URGENT, null,
                "test", null));
        routes.add(new Route("swindon", "AuditAllocated", List.of(Party.AUDITOR), List.of(), Route.Urgency.URGENT, null,
                "test", new Route.Reminder(java.time.Duration.ofHours(1), "completionDue", "AuditCompleted", "auditId")));

        assertThatThrownBy(() -> new RoutingTable(routes, Set.of("swindon")))
                .hasMessageContaining("unknown council 'swindn'").hasMessageContaining("unknown event type 'AuditOverdew'")
                .hasMessageContaining("names no field 'completionDue'");
    }
}
