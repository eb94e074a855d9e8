package uk.caseqa.notification.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uk.caseqa.contracts.ActionOverdue;
import uk.caseqa.contracts.AuditAllocated;
import uk.caseqa.contracts.AuditClosed;
import uk.caseqa.contracts.AuditCompleted;
import uk.caseqa.contracts.AuditModerated;
import uk.caseqa.contracts.AuditOverdue;
import uk.caseqa.contracts.CaseOfConcernOpened;
import uk.caseqa.contracts.Grade;
import uk.caseqa.contracts.GradeChange;
import uk.caseqa.contracts.StaffRole;

/** Who is told of what, council by council, from the routes in notification-service.yml. */
class WhoIsToldInEachCouncilTest {

    static final Instant DUE = Instant.parse("2026-11-25T09:00:00Z");
    final NotificationStory story = new NotificationStory();

    @AfterEach
    void stop() {
        story.close();
    }

    void auditOf(String council, String auditId, String teamId, String serviceId) {
        story.auditAllocatedAndCompleted(council, auditId, teamId, serviceId, DUE);
    }

    @Test
    void swindonEscalatesAnOverdueAuditToTheQaManagerAndTheCasesServiceManager() {
        story.member("swindon", "staff-qa-1", StaffRole.QA_MANAGER, "qa", null);
        story.member("swindon", "staff-sm-1", StaffRole.SERVICE_MANAGER, "svc-1", "svc-1");
        story.member("swindon", "staff-tm-7", StaffRole.TEAM_MANAGER, "team-7", "svc-1");
        story.notify(story.event("swindon", "audit-1", new AuditAllocated("audit-1", "case-1", "staff-tm-7",
                "staff-qa-1", DUE, "staff-iro-1")));
        story.notify(story.event("swindon", "audit-1", new AuditCompleted("audit-1", "case-1", "svc-1", "team-1",
                "staff-tm-7", "staff-sw-1", "staff-sm-1", Grade.GOOD, Map.of("chronology", Grade.GOOD), true, DUE,
                null, null)));
        var overdue = story.event("swindon", "audit-1", new AuditOverdue("audit-1", "case-1", "staff-tm-7", DUE));

        story.notify(overdue);

        assertThat(story.toldOf(overdue.id())).containsExactly("staff-tm-7", "staff-qa-1", "staff-sm-1");
        assertThat(story.notifications.saved.get(overdue.id() + ":staff-qa-1").notification.body())
                .contains("Dear Name of staff-qa-1").contains("escalated to you").contains("audit-1")
                .contains("by its auditor, Name of staff-tm-7");
        assertThat(story.notifications.saved.get(overdue.id() + ":staff-qa-1").notification.html())
                .contains("Swindon Borough Council");
    }

    @Test
    void boltonTellsTheHeadOfServiceForTheCasesAreaNotEveryHeadOfService() {
        story.member("bolton", "staff-sm-1", StaffRole.SERVICE_MANAGER, "svc-north", "svc-north");
        story.member("bolton", "staff-hos-north", StaffRole.HEAD_OF_SERVICE, "svc-north", "svc-north");
        story.member("bolton", "staff-hos-south", StaffRole.HEAD_OF_SERVICE, "svc-south", "svc-south");
        var opened = story.event("bolton", "coc-audit-1", new CaseOfConcernOpened("coc-audit-1", "audit-1", "case-1",
                "svc-north", "team-1", "staff-sm-1", DUE.plus(Duration.ofHours(24)), DUE.plus(Duration.ofDays(42)),
                DUE, "bolton", List.of(StaffRole.HEAD_OF_SERVICE)));

        story.notify(opened);

        assertThat(story.toldOf(opened.id())).containsExactly("staff-sm-1", "staff-hos-north");
        assertThat(story.notifications.saved.get(opened.id() + ":staff-hos-north").notification.subject())
                .startsWith("For information: case of concern coc-audit-1");
    }

    @Test
    void boltonsPractitionerHearsTheOutcomeWhenModerationEndsTheCycleWithoutAPanel() {
        story.member("bolton", "staff-sw-1", StaffRole.SOCIAL_WORKER, "team-1", "svc-1");
        story.member("bolton", "staff-sm-1", StaffRole.SERVICE_MANAGER, "svc-1", "svc-1");
        auditOf("bolton", "audit-1", "team-1", "svc-1");
        var closed = story.event("bolton", "audit-1", new AuditClosed("audit-1", "case-1", null, "staff-hos-1", DUE,
                false));

        story.notify(closed);

        assertThat(story.toldOf(closed.id())).as("002 §7.5: the practitioner is told the grade")
                .contains("staff-sw-1", "staff-sm-1");
        assertThat(story.notifications.saved.get(closed.id() + ":staff-sw-1").notification.body())
                .contains("has completed its audit cycle").doesNotContain("QA panel");
    }

    @Test
    void telfordLooksUpTheLineWhenTheActionsOwnerHasLeftAndRecordsWhenNobodyIsThere() {
        auditOf("telford-and-wrekin", "audit-1", "team-1", "svc-1");
        story.member("telford-and-wrekin", "staff-sw-1", StaffRole.SOCIAL_WORKER, "team-1", "svc-1");
        story.left("telford-and-wrekin", "staff-sw-1");
        story.member("telford-and-wrekin", "staff-tm-1", StaffRole.TEAM_MANAGER, "team-1", "svc-1");
        var overdue = story.event("telford-and-wrekin", "audit-1", new ActionOverdue("audit-1", "audit-1-a1",
                "case-1", "staff-sw-1", true, DUE));

        story.notify(overdue);

        assertThat(story.toldOf(overdue.id())).containsExactly("staff-tm-1");
        story.left("telford-and-wrekin", "staff-tm-1");
        var again = story.event("telford-and-wrekin", "audit-1", new ActionOverdue("audit-1", "audit-1-a2",
                "case-1", "staff-sw-1", false, DUE));
        story.notify(again);
        assertThat(story.toldOf(again.id())).containsExactly("staff-sm-1");
        assertThat(story.notifications.nobody).isEmpty();
    }

    @Test
    void aPostNobodyHoldsEvenUpTheLineIsRecordedForOperators() {
        var allocated = story.event("telford-and-wrekin", "audit-2", new AuditAllocated("audit-2", "case-2", "staff-tm-9",
                "staff-qa-1", DUE, null));
        story.member("telford-and-wrekin", "staff-tm-9", StaffRole.TEAM_MANAGER, "team-1", "svc-1");
        story.left("telford-and-wrekin", "staff-tm-9");

        story.notify(allocated);

        assertThat(story.toldOf(allocated.id())).isEmpty();
        assertThat(story.notifications.nobody).containsExactly(allocated.id() + ":AUDITOR");
    }

    @Test
    void wandsworthTellsAPeerAuditorOfAChangedGradeOnlyWhereTheProfileSays() {
        var changed = story.event("wandsworth", "audit-1", new AuditModerated("audit-1", "case-1", "svc-1", "team-1",
                "staff-hoss-1", Grade.GOOD, Grade.REQUIRES_IMPROVEMENT, GradeChange.DOWNGRADED, DUE, "staff-tm-7", true));
        var notTold = story.event("wandsworth", "audit-2", new AuditModerated("audit-2", "case-2", "svc-1", "team-1",
                "staff-hoss-1", Grade.GOOD, Grade.REQUIRES_IMPROVEMENT, GradeChange.DOWNGRADED, DUE, "staff-tm-8",
                false));

        story.notify(changed);
        story.notify(notTold);

        assertThat(story.toldOf(changed.id())).containsExactly("staff-tm-7");
        assertThat(story.toldOf(notTold.id())).isEmpty();
        assertThat(story.notifications.saved.get(changed.id() + ":staff-tm-7").notification.subject())
                .isEqualTo("Audit audit-1: moderation downgraded your grade");
    }

    @Test
    void wandsworthGathersRoutineWorkIntoOneDailyDigestWhileUrgentWorkGoesAtOnce() {
        story.clock.set(Instant.parse("2026-11-25T10:00:00Z"));
        var first = story.event("wandsworth", "audit-1", new AuditAllocated("audit-1", "case-1", "staff-tm-7",
                "staff-qa-1", DUE.plus(Duration.ofDays(14)), null));
        var second = story.event("wandsworth", "audit-2", new AuditAllocated("audit-2", "case-2", "staff-tm-7",
                "staff-qa-1", DUE.plus(Duration.ofDays(14)), null));
        var urgent = story.event("wandsworth", "audit-3", new AuditOverdue("audit-3", "case-3", "staff-tm-7", DUE));
        story.notify(first);
        story.notify(second);
        story.notify(urgent);
        assertThat(story.notifications.count(Notifications.Status.DIGEST)).isEqualTo(2);
        assertThat(story.notifications.saved.get(urgent.id() + ":staff-tm-7").status)
                .isEqualTo(Notifications.Status.PENDING);

        assertThat(story.digests.gatherDue()).as("before 08:00 tomorrow").isZero();
        story.clock.set(Instant.parse("2026-11-26T08:00:00Z"));
        story.lease.heldElsewhere = true;
        assertThat(story.digests.gatherDue()).as("while another replica gathers").isZero();
        assertThat(story.notifications.count(Notifications.Status.DIGEST)).isEqualTo(2);
        story.lease.heldElsewhere = false;
        assertThat(story.digests.gatherDue()).isEqualTo(1);
        assertThat(story.digests.gatherDue()).isZero();

        var digest = story.notifications.saved.values().stream()
                .filter(n -> n.notification.notificationId().startsWith("digest:wandsworth:staff-tm-7:2026-11-26:"))
                .findFirst().orElseThrow();
        assertThat(digest.status).isEqualTo(Notifications.Status.PENDING);
        assertThat(digest.notification.subject()).isEqualTo("Your quality-assurance digest for Thursday 26 November 2026: 2 item(s)");
        assertThat(digest.notification.body()).contains("audit-1").contains("audit-2").doesNotContain("audit-3");
        assertThat(digest.notification.html()).contains("audit-1").contains("audit-2");
        assertThat(story.notifications.count(Notifications.Status.IN_DIGEST)).isEqualTo(2);
    }

    @Test
    void theServiceManagerIsRemindedFourHoursBeforeThePlanIsDueUnlessItIsRecordedFirst() {
        story.member("swindon", "staff-sm-1", StaffRole.SERVICE_MANAGER, "svc-1", "svc-1");
        Instant planDue = story.clock.instant().plus(Duration.ofHours(24));
        var first = story.event("swindon", "coc-audit-1", new CaseOfConcernOpened("coc-audit-1", "audit-1", "case-1",
                "svc-1", "team-1", "staff-sm-1", planDue, planDue.plus(Duration.ofDays(42)), story.clock.instant(),
                "swindon", List.of()));
        var second = story.event("swindon", "coc-audit-2", new CaseOfConcernOpened("coc-audit-2", "audit-2", "case-2",
                "svc-1", "team-1", "staff-sm-1", planDue, planDue.plus(Duration.ofDays(42)), story.clock.instant(),
                "swindon", List.of()));
        story.notify(first);
        story.notify(second);

        var reminder = story.notifications.saved.get(first.id() + ":staff-sm-1:reminder");
        assertThat(reminder.availableAt).isEqualTo(planDue.minus(Duration.ofHours(4)));
        assertThat(reminder.notification.subject()).startsWith("Reminder: Case of concern coc-audit-1");
        assertThat(reminder.notification.body()).startsWith("Reminder: this is due by");

        story.notify(story.event("swindon", "coc-audit-1", new uk.caseqa.contracts.SafetyPlanRecorded("coc-audit-1",
                "audit-1", "case-1", "staff-sm-1", story.clock.instant(), false)));

        assertThat(reminder.status).isEqualTo(Notifications.Status.CANCELLED);
        assertThat(story.notifications.saved.get(second.id() + ":staff-sm-1:reminder").status)
                .isEqualTo(Notifications.Status.PENDING);
    }

    @Test
    void anAuditOverdueBeforeItWasEverCompletedReachesTheCasesServiceManagerFromTheCaseEvents() {
        story.member("bolton", "staff-qa-1", StaffRole.QA_MANAGER, "qa", null);
        story.member("bolton", "staff-sm-2", StaffRole.SERVICE_MANAGER, "svc-2", "svc-2");
        story.member("bolton", "staff-hos-1", StaffRole.HEAD_OF_SERVICE, "svc-1", "svc-1");
        story.notify(story.event("bolton", "case-9", new uk.caseqa.contracts.CaseOpened("case-9",
                uk.caseqa.contracts.Cohort.CP, "svc-2", "team-9", "staff-sw-9", "staff-tm-9", "staff-sm-2", null)));
        story.notify(story.event("bolton", "audit-9", new AuditAllocated("audit-9", "case-9", "staff-tm-7",
                "staff-qa-1", DUE, null)));
        var overdue = story.event("bolton", "audit-9", new AuditOverdue("audit-9", "case-9", "staff-tm-7", DUE));

        story.notify(overdue);

        assertThat(story.toldOf(overdue.id())).containsExactly("staff-tm-7", "staff-qa-1", "staff-sm-2");
    }

    @Test
    void whenTheAreasHeadOfServiceIsVacantTheCorporateDirectorIsToldNotEveryOtherHeadOfService() {
        story.member("bolton", "staff-sm-1", StaffRole.SERVICE_MANAGER, "svc-north", "svc-north");
        story.member("bolton", "staff-hos-south", StaffRole.HEAD_OF_SERVICE, "svc-south", "svc-south");
        story.member("bolton", "staff-dcs", StaffRole.CORPORATE_DIRECTOR, "dcs", null);
        var opened = story.event("bolton", "coc-audit-1", new CaseOfConcernOpened("coc-audit-1", "audit-1", "case-1",
                "svc-north", "team-1", "staff-sm-1", DUE.plus(Duration.ofHours(24)), DUE.plus(Duration.ofDays(42)),
                DUE, "bolton", List.of(StaffRole.HEAD_OF_SERVICE)));

        story.notify(opened);

        assertThat(story.toldOf(opened.id())).containsExactly("staff-sm-1", "staff-dcs");
        assertThat(story.notifications.nobody).isEmpty();
    }
}
