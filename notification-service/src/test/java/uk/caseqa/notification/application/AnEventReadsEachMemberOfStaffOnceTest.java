package uk.caseqa.notification.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uk.caseqa.contracts.AuditOverdue;
import uk.caseqa.contracts.StaffMemberLeft;
import uk.caseqa.contracts.StaffRole;

/**
 * An overdue audit in Swindon tells its auditor, the QA manager and the case's service manager, and names the auditor
 * in each of their emails: each of them is read from the staff directory once for the event, not once per mention
 * (to find who is told, to greet each, to name the auditor in each message). The next event reads the directory
 * again, so a member of staff who left in between is not told.
 */
class AnEventReadsEachMemberOfStaffOnceTest {

    static final Instant DUE = Instant.parse("2026-11-25T09:00:00Z");
    final NotificationStory story = new NotificationStory();

    @AfterEach
    void stop() {
        story.close();
    }

    @Test
    void threePeopleToldAndTheAuditorNamedInEachEmailAreThreeReadsOfTheDirectory() {
        story.member("swindon", "staff-qa-1", StaffRole.QA_MANAGER, "qa", null);
        story.member("swindon", "staff-sm-1", StaffRole.SERVICE_MANAGER, "svc-1", "svc-1");
        story.member("swindon", "staff-tm-7", StaffRole.TEAM_MANAGER, "team-7", "svc-1");
        story.auditAllocatedAndCompleted("swindon", "audit-1", "team-1", "svc-1", DUE);
        var overdue = story.event("swindon", "audit-1", new AuditOverdue("audit-1", "case-1", "staff-tm-7", DUE));
        long before = story.store.asked("find", "staff");

        story.notify(overdue);

        assertThat(story.toldOf(overdue.id())).containsExactly("staff-tm-7", "staff-qa-1", "staff-sm-1");
        assertThat(story.notifications.saved.get(overdue.id() + ":staff-sm-1").notification.body())
                .contains("Dear Name of staff-sm-1").contains("by its auditor, Name of staff-tm-7");
        assertThat(story.store.asked("find", "staff") - before)
                .as("the auditor and the service manager by id, the QA managers by post: each once")
                .isEqualTo(3);

        story.staff.recordLeaving(story.event("swindon", "staff-qa-1", new StaffMemberLeft("staff-qa-1", DUE)));
        var again = story.event("swindon", "audit-1", new AuditOverdue("audit-1", "case-1", "staff-tm-7", DUE));
        story.notify(again);
        assertThat(story.toldOf(again.id())).as("the next event reads the directory again")
                .containsExactly("staff-tm-7", "staff-sm-1");
    }
}
