package uk.caseqa.reporting.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import uk.caseqa.contracts.ActionClosed;
import uk.caseqa.contracts.ActionVerified;
import uk.caseqa.contracts.AuditAcceptedByPanel;
import uk.caseqa.contracts.AuditAllocated;
import uk.caseqa.contracts.AuditClosed;
import uk.caseqa.contracts.AuditCompleted;
import uk.caseqa.contracts.AuditModerated;
import uk.caseqa.contracts.AuditReturned;
import uk.caseqa.contracts.AuditType;
import uk.caseqa.contracts.CaseOfConcernClosed;
import uk.caseqa.contracts.CaseOfConcernEscalated;
import uk.caseqa.contracts.CaseOfConcernOpened;
import uk.caseqa.contracts.Cohort;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.contracts.EventPayload;
import uk.caseqa.contracts.FeedbackNotObtained;
import uk.caseqa.contracts.FollowUpClosed;
import uk.caseqa.contracts.Grade;
import uk.caseqa.contracts.GradeChange;
import uk.caseqa.contracts.IroCommentRecorded;
import uk.caseqa.contracts.IroCommentRequested;
import uk.caseqa.contracts.ModerationAssigned;
import uk.caseqa.contracts.ModerationWaived;
import uk.caseqa.contracts.ReAuditScheduled;
import uk.caseqa.contracts.SafetyPlanRecorded;
import uk.caseqa.contracts.ShortAuditScheduled;
import uk.caseqa.contracts.StaffRole;

/**
 * A generated history of audits, reproducible from a seed: for each council, teams in services, team managers who
 * audit, and every month a few audits per team through the whole workflow (allocation, IRO comments, submission,
 * moderation or its waiver as the council's policy says, panel close, actions, and for Inadequate and Requires
 * Improvement grades the case of concern or short audit that follows), with some late, some returned and
 * re-moderated, some still open when the history ends. Each audit's story is kept, so a test can work out what the
 * board should show without the code under test. Identifiers only, as in the real events.
 */
public final class YearOfAudits {

    /** How a council moderates, for the generated history: every audit, a share, or none (Inadequate always). */
    public enum Policy { ALL, SAMPLE_25, NONE }

    /** A council's shape: its id, moderation policy, services, teams per service and audits per team a month. */
    public record Council(String id, Policy policy, int services, int teamsPerService, int auditsPerTeamMonthly) {
    }

    /** One action of a story: due, closed (or not yet), how, and whether verified. */
    public record StoryAction(String actionId, Instant dueBy, Instant closedAt, ActionClosed.Outcome outcome,
            Instant verifiedAt, boolean confirmed) {
    }

    /** Everything that happened to one audit, as generated. */
    public record Story(String council, String auditId, String caseId, String serviceId, String teamId, Cohort cohort,
            String auditorId, Instant allocatedAt, Instant completionDueBy, Instant completedAt, Grade auditorGrade,
            Map<String, Grade> domainGrades, boolean feedbackObtained, FeedbackNotObtained feedbackNotObtained,
            boolean moderated, Instant waivedAt, Instant moderationDueBy, Instant moderatedAt, Grade moderatorGrade,
            Instant resubmittedAt, Grade resubmittedGrade, Instant remoderatedAt, Grade remoderatedGrade,
            Instant iroDueBy, Instant iroRecordedAt, Instant panelCloseDueBy, Instant closedAt,
            List<StoryAction> actions, String caseOfConcernId, Instant concernOpenedAt, Instant planDueBy,
            Instant planRecordedAt, Instant reAuditDueBy, Instant reAuditAt, Grade reAuditGrade,
            boolean reAuditImproved, String shortAuditId, Instant shortAuditRequestedAt, Instant shortAuditDueBy,
            Instant shortAuditClosedAt) {
    }

    /** The history: every event, in time order, and every story. */
    public record History(List<EventEnvelope<EventPayload>> events, List<Story> stories) {
    }

    public static final List<String> DOMAINS = List.of("childs-voice", "quality-of-planning", "management-oversight");
    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");
    private static final Grade[] GRADES = Grade.values();

    private YearOfAudits() {
    }

    /** The two councils the tests and the demo use by default: one moderating a sample, one moderating none. */
    public static List<Council> twoCouncils() {
        return List.of(new Council("swindon", Policy.SAMPLE_25, 2, 2, 3),
                new Council("telford-and-wrekin", Policy.NONE, 2, 2, 2));
    }

    /** {@code months} months of audits from {@code firstMonth}; nothing after {@code until}. */
    public static History generate(List<Council> councils, LocalDate firstMonth, int months, Instant until, long seed) {
        List<EventEnvelope<EventPayload>> events = new ArrayList<>();
        List<Story> stories = new ArrayList<>();
        Random random = new Random(seed);
        for (Council council : councils) {
            int n = 0;
            for (int m = 0; m < months; m++) {
                LocalDate month = firstMonth.plusMonths(m);
                for (int s = 1; s <= council.services(); s++) {
                    for (int t = 1; t <= council.teamsPerService(); t++) {
                        for (int a = 0; a < council.auditsPerTeamMonthly(); a++) {
                            Story story = story(council, s, t, month, ++n, random, until);
                            if (story != null) {
                                stories.add(story);
                                events.addAll(events(story, until));
                            }
                        }
                    }
                }
            }
        }
        events.sort(Comparator.comparing(EventEnvelope::time));
        return new History(List.copyOf(events), List.copyOf(stories));
    }

    private static Story story(Council council, int s, int t, LocalDate month, int n, Random r, Instant until) {
        String la = council.id();
        String serviceId = "svc-" + s;
        String teamId = "team-" + s + "-" + t;
        String auditId = la + "-audit-" + n;
        Instant allocatedAt = month.plusDays(r.nextInt(20)).atTime(9, 0).atZone(ENGLAND).toInstant();
        if (allocatedAt.isAfter(until)) {
            return null;
        }
        Instant completionDueBy = allocatedAt.plus(Duration.ofDays(20));
        Instant completedAt = at(allocatedAt.plus(Duration.ofDays(3 + r.nextInt(24))), until);
        Grade auditorGrade = grade(r);
        Map<String, Grade> domains = new LinkedHashMap<>();
        for (String d : DOMAINS) {
            domains.put(d, r.nextInt(3) == 0 ? grade(r) : auditorGrade);
        }
        boolean obtained = r.nextInt(10) < 7;
        FeedbackNotObtained notObtained = obtained ? null : FeedbackNotObtained.values()[r.nextInt(5)];
        boolean moderated = switch (council.policy()) {
            case ALL -> true;
            case SAMPLE_25 -> auditorGrade == Grade.INADEQUATE || r.nextInt(4) == 0;
            case NONE -> auditorGrade == Grade.INADEQUATE;
        };
        Instant waivedAt = completedAt != null && !moderated ? at(completedAt.plusSeconds(60), until) : null;
        Instant moderationDueBy = completedAt != null && moderated ? at(completedAt.plusSeconds(120), until) : null;
        Instant due = moderationDueBy == null ? null : completedAt.plus(Duration.ofDays(7));
        Instant moderatedAt = moderationDueBy == null ? null
                : at(completedAt.plus(Duration.ofHours(24 + r.nextInt(24 * 10))), until);
        Grade moderatorGrade = moderatedAt == null ? null : shift(auditorGrade, r);
        Instant iroDueBy = allocatedAt.plus(Duration.ofHours(72));
        Instant iroRecordedAt = at(allocatedAt.plus(Duration.ofHours(12 + r.nextInt(96))), until);
        Instant readyForPanel = moderated ? moderatedAt : waivedAt;
        // a few moderated audits are returned by the panel, resubmitted and moderated again
        Instant resubmittedAt = null;
        Grade resubmittedGrade = null;
        Instant remoderatedAt = null;
        Grade remoderatedGrade = null;
        if (moderatedAt != null && r.nextInt(10) == 0) {
            resubmittedAt = at(moderatedAt.plus(Duration.ofDays(3)), until);
            resubmittedGrade = resubmittedAt == null ? null : shift(auditorGrade, r);
            remoderatedAt = resubmittedAt == null ? null : at(resubmittedAt.plus(Duration.ofDays(2)), until);
            remoderatedGrade = remoderatedAt == null ? null : resubmittedGrade;
            readyForPanel = remoderatedAt;
        }
        Instant acceptedAt = readyForPanel == null ? null : at(readyForPanel.plus(Duration.ofDays(1)), until);
        Instant panelCloseDueBy = acceptedAt == null ? null : acceptedAt.plus(Duration.ofDays(2));
        Instant closedAt = acceptedAt == null ? null : at(acceptedAt.plus(Duration.ofHours(6 + r.nextInt(24 * 4))), until);
        List<StoryAction> actions = new ArrayList<>();
        if (completedAt != null) {
            for (int i = 1; i <= 1 + r.nextInt(2); i++) {
                Instant actionDue = completedAt.plus(Duration.ofDays(14L * i));
                int roll = r.nextInt(20);
                ActionClosed.Outcome outcome = roll < 15 ? ActionClosed.Outcome.COMPLETED
                        : roll < 16 ? ActionClosed.Outcome.NOT_DONE : null;
                Instant closed = outcome == null ? null
                        : at(roll < 12 ? actionDue.minus(Duration.ofDays(2)) : actionDue.plus(Duration.ofDays(3)), until);
                Instant verified = closed != null && outcome == ActionClosed.Outcome.COMPLETED && r.nextBoolean()
                        ? at(closed.plus(Duration.ofDays(2)), until) : null;
                actions.add(new StoryAction(auditId + "-a" + i, actionDue, closed, closed == null ? null : outcome,
                        verified, r.nextInt(5) > 0));
            }
        }
        Grade finalGrade = remoderatedGrade != null ? remoderatedGrade : moderatorGrade != null ? moderatorGrade
                : moderated ? null : auditorGrade;
        Instant gradedAt = moderatedAt != null ? moderatedAt : completedAt;
        String cocId = null;
        Instant opened = null;
        Instant planDue = null;
        Instant planAt = null;
        Instant reDue = null;
        Instant reAt = null;
        Grade reGrade = null;
        boolean improved = false;
        boolean inadequate = auditorGrade == Grade.INADEQUATE || moderatorGrade == Grade.INADEQUATE;
        if (inadequate && gradedAt != null) {
            Instant firstInadequate = auditorGrade == Grade.INADEQUATE ? completedAt : moderatedAt;
            cocId = "coc-" + auditId;
            opened = at(firstInadequate.plusSeconds(30), until);
            if (opened != null) {
                planDue = opened.plus(Duration.ofHours(24));
                planAt = at(opened.plus(Duration.ofHours(2 + r.nextInt(40))), until);
                reDue = opened.plus(Duration.ofDays(42));
                reAt = at(reDue.plus(Duration.ofDays(r.nextInt(10) - 5)), until);
                reGrade = reAt == null ? null : r.nextInt(10) < 6 ? Grade.GOOD : Grade.INADEQUATE;
                improved = reGrade != null && reGrade.isAtLeastGood();
            } else {
                cocId = null;
            }
        }
        String shortId = null;
        Instant shortAt = null;
        Instant shortDue = null;
        Instant shortClosed = null;
        if (finalGrade == Grade.REQUIRES_IMPROVEMENT && closedAt != null) {
            shortId = "fu-" + auditId;
            shortAt = closedAt.plusSeconds(30);
            shortDue = shortAt.plus(Duration.ofDays(42));
            shortClosed = at(shortAt.plus(Duration.ofDays(30 + r.nextInt(20))), until);
        }
        Cohort cohort = Cohort.values()[r.nextInt(Cohort.values().length)];
        return new Story(la, auditId, "case-" + auditId, serviceId, teamId, cohort, "staff-tm-" + teamId, allocatedAt,
                completionDueBy, completedAt, auditorGrade, domains, obtained, notObtained, moderated, waivedAt,
                moderationDueBy == null ? null : due, moderatedAt, moderatorGrade, resubmittedAt, resubmittedGrade,
                remoderatedAt, remoderatedGrade, iroDueBy, iroRecordedAt, panelCloseDueBy, closedAt,
                List.copyOf(actions), cocId, opened, planDue, planAt, reDue, reAt, reGrade, improved, shortId, shortAt,
                shortDue, shortClosed);
    }

    private static List<EventEnvelope<EventPayload>> events(Story s, Instant until) {
        List<EventEnvelope<EventPayload>> out = new ArrayList<>();
        String la = s.council();
        out.add(event(la, s.auditId(), s.allocatedAt(), new AuditAllocated(s.auditId(), s.caseId(), s.auditorId(),
                "staff-qa-" + la, s.completionDueBy(), "staff-iro-" + la)));
        out.add(event(la, s.auditId(), s.allocatedAt().plusSeconds(1), new IroCommentRequested(s.auditId(), s.caseId(),
                "staff-iro-" + la, s.iroDueBy())));
        if (s.iroRecordedAt() != null) {
            out.add(event(la, s.auditId(), s.iroRecordedAt(), new IroCommentRecorded(s.auditId(), s.caseId(),
                    "staff-iro-" + la, s.iroRecordedAt(), s.iroRecordedAt().isAfter(s.iroDueBy()))));
        }
        if (s.completedAt() == null) {
            return out;
        }
        List<AuditCompleted.AgreedAction> agreed = s.actions().stream()
                .map(a -> new AuditCompleted.AgreedAction(a.actionId(), "staff-sw-" + s.teamId(), a.dueBy(), false))
                .toList();
        out.add(event(la, s.auditId(), s.completedAt(), completed(s, s.completedAt(), s.auditorGrade(), agreed)));
        if (s.waivedAt() != null) {
            out.add(event(la, s.auditId(), s.waivedAt(), new ModerationWaived(s.auditId(), s.caseId(),
                    "not moderated under the council's profile", s.waivedAt())));
        }
        if (s.moderated() && s.moderationDueBy() != null) {
            out.add(event(la, s.auditId(), s.completedAt().plusSeconds(120), new ModerationAssigned(s.auditId(),
                    s.caseId(), "staff-hos-" + la, "assigned from the pool", s.moderationDueBy())));
        }
        if (s.moderatedAt() != null) {
            out.add(event(la, s.auditId(), s.moderatedAt(), moderated(s, s.moderatedAt(), s.auditorGrade(),
                    s.moderatorGrade())));
        }
        if (s.resubmittedAt() != null) {
            out.add(event(la, s.auditId(), s.resubmittedAt().minusSeconds(3600), new AuditReturned(s.auditId(),
                    s.caseId(), s.auditorId(), "panel-" + la, "evidence incomplete", "staff-qa-" + la,
                    s.resubmittedAt().minusSeconds(3600))));
            out.add(event(la, s.auditId(), s.resubmittedAt(), completed(s, s.resubmittedAt(), s.resubmittedGrade(),
                    List.of())));
        }
        if (s.remoderatedAt() != null) {
            out.add(event(la, s.auditId(), s.remoderatedAt(), moderated(s, s.remoderatedAt(), s.resubmittedGrade(),
                    s.remoderatedGrade())));
        }
        if (s.panelCloseDueBy() != null) {
            out.add(event(la, s.auditId(), s.panelCloseDueBy().minus(Duration.ofDays(2)), new AuditAcceptedByPanel(
                    s.auditId(), s.caseId(), "panel-" + la, s.panelCloseDueBy())));
        }
        if (s.closedAt() != null) {
            out.add(event(la, s.auditId(), s.closedAt(), new AuditClosed(s.auditId(), s.caseId(), "panel-" + la,
                    "staff-qa-" + la, s.closedAt(), s.closedAt().isAfter(s.panelCloseDueBy()))));
        }
        for (StoryAction a : s.actions()) {
            if (a.closedAt() != null) {
                out.add(event(la, s.auditId(), a.closedAt(), new ActionClosed(s.auditId(), a.actionId(), s.caseId(),
                        a.outcome(), a.dueBy(), a.closedAt())));
            }
            if (a.verifiedAt() != null) {
                out.add(event(la, s.auditId(), a.verifiedAt(), new ActionVerified(s.auditId(), a.actionId(),
                        s.caseId(), a.confirmed(), a.verifiedAt())));
            }
        }
        if (s.caseOfConcernId() != null) {
            String coc = s.caseOfConcernId();
            out.add(event(la, coc, s.concernOpenedAt(), new CaseOfConcernOpened(coc, s.auditId(), s.caseId(),
                    s.serviceId(), s.teamId(), "staff-sm-" + s.serviceId(), s.planDueBy(), s.reAuditDueBy(),
                    s.concernOpenedAt(), la, List.of())));
            out.add(event(la, coc, s.concernOpenedAt().plusSeconds(1), new ReAuditScheduled(coc, s.auditId(),
                    s.caseId(), s.reAuditDueBy(), 1, StaffRole.QA_MANAGER)));
            if (s.planRecordedAt() != null) {
                out.add(event(la, coc, s.planRecordedAt(), new SafetyPlanRecorded(coc, s.auditId(), s.caseId(),
                        "staff-sm-" + s.serviceId(), s.planRecordedAt(), s.planRecordedAt().isAfter(s.planDueBy()))));
            }
            if (s.reAuditAt() != null) {
                out.add(event(la, coc, s.reAuditAt(), s.reAuditImproved()
                        ? new CaseOfConcernClosed(coc, s.auditId(), s.caseId(), "re-" + s.auditId(), s.reAuditGrade(), 1,
                                s.reAuditAt(), s.teamId())
                        : new CaseOfConcernEscalated(coc, s.auditId(), s.caseId(), "re-" + s.auditId(),
                                s.reAuditGrade(), 1, List.of(StaffRole.HEAD_OF_SERVICE), s.reAuditAt(), s.teamId())));
            }
        }
        if (s.shortAuditId() != null && !s.shortAuditRequestedAt().isAfter(until)) {
            out.add(event(la, s.shortAuditId(), s.shortAuditRequestedAt(), new ShortAuditScheduled(s.shortAuditId(),
                    s.auditId(), s.caseId(), s.shortAuditDueBy(), StaffRole.TEAM_MANAGER, 1)));
            if (s.shortAuditClosedAt() != null) {
                out.add(event(la, s.shortAuditId(), s.shortAuditClosedAt(), new FollowUpClosed(s.shortAuditId(),
                        s.auditId(), s.caseId(), "IMPROVED", "short-" + s.auditId(), Grade.GOOD,
                        s.shortAuditClosedAt())));
            }
        }
        return out;
    }

    private static AuditCompleted completed(Story s, Instant at, Grade grade, List<AuditCompleted.AgreedAction> actions) {
        return new AuditCompleted(s.auditId(), s.caseId(), s.serviceId(), s.teamId(), s.auditorId(),
                "staff-sw-" + s.teamId(), "staff-sm-" + s.serviceId(), grade, s.domainGrades(), s.feedbackObtained(),
                at, AuditType.FULL, null, s.cohort(), s.feedbackNotObtained(), actions, null);
    }

    private static AuditModerated moderated(Story s, Instant at, Grade auditorGrade, Grade finalGrade) {
        return new AuditModerated(s.auditId(), s.caseId(), s.serviceId(), s.teamId(), "staff-hos-" + s.council(),
                auditorGrade, finalGrade, GradeChange.between(auditorGrade, finalGrade), at, s.auditorId(), false);
    }

    private static EventEnvelope<EventPayload> event(String la, String subject, Instant time, EventPayload data) {
        return EventEnvelope.of(UUID.nameUUIDFromBytes((subject + data + time).getBytes()).toString(),
                "urn:caseqa:history", time, subject, la, "history-" + subject, data);
    }

    private static Instant at(Instant when, Instant until) {
        return when == null || when.isAfter(until) ? null : when;
    }

    private static Grade grade(Random r) {
        int roll = r.nextInt(100);
        return roll < 10 ? Grade.OUTSTANDING : roll < 55 ? Grade.GOOD : roll < 85 ? Grade.REQUIRES_IMPROVEMENT
                : Grade.INADEQUATE;
    }

    private static Grade shift(Grade grade, Random r) {
        int roll = r.nextInt(8);
        int i = grade.ordinal() + (roll == 0 ? -1 : roll == 1 ? 1 : 0);
        return GRADES[Math.max(0, Math.min(GRADES.length - 1, i))];
    }
}
