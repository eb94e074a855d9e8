package uk.caseqa.contracts;

import java.util.Arrays;

/** Every event type of the published language, its payload record, schema version and the stream it travels on. */
public enum EventType {
    CASE_OPENED(CaseOpened.class, EventStream.CASES, Audience.SERVICES),
    CASE_COHORT_CHANGED(CaseCohortChanged.class, EventStream.CASES, Audience.SERVICES),
    CASE_RESPONSIBILITY_CHANGED(CaseResponsibilityChanged.class, EventStream.CASES, Audience.SERVICES),
    CASE_CLOSED(CaseClosed.class, EventStream.CASES, Audience.SERVICES),
    STAFF_MEMBER_REGISTERED(StaffMemberRegistered.class, EventStream.STAFF, Audience.SERVICES),
    STAFF_MEMBER_LEFT(StaffMemberLeft.class, EventStream.STAFF, Audience.SERVICES),
    AUDIT_ALLOCATED(AuditAllocated.class, EventStream.AUDITS, Audience.PEOPLE),
    AUDIT_COMPLETED(AuditCompleted.class, EventStream.AUDITS, Audience.SERVICES),
    AUDIT_OVERDUE(AuditOverdue.class, EventStream.AUDITS, Audience.PEOPLE),
    ACTION_OVERDUE(ActionOverdue.class, EventStream.AUDITS, Audience.PEOPLE),
    ACTION_CLOSED(ActionClosed.class, EventStream.AUDITS, Audience.SERVICES),
    ACTION_VERIFIED(ActionVerified.class, EventStream.AUDITS, Audience.SERVICES),
    MODERATION_WAIVED(ModerationWaived.class, EventStream.MODERATION, Audience.SERVICES),
    MODERATION_ASSIGNED(ModerationAssigned.class, EventStream.MODERATION, Audience.PEOPLE),
    MODERATION_OVERDUE(ModerationOverdue.class, EventStream.MODERATION, Audience.PEOPLE),
    IRO_COMMENT_REQUESTED(IroCommentRequested.class, EventStream.MODERATION, Audience.PEOPLE),
    IRO_COMMENT_RECORDED(IroCommentRecorded.class, EventStream.MODERATION, Audience.PEOPLE),
    IRO_COMMENT_OVERDUE(IroCommentOverdue.class, EventStream.MODERATION, Audience.PEOPLE),
    AUDIT_ACCEPTED_BY_PANEL(AuditAcceptedByPanel.class, EventStream.MODERATION, Audience.PEOPLE),
    AUDIT_RETURNED(AuditReturned.class, EventStream.MODERATION, Audience.PEOPLE),
    AUDIT_CLOSED(AuditClosed.class, EventStream.MODERATION, Audience.PEOPLE),
    PANEL_CLOSE_OVERDUE(PanelCloseOverdue.class, EventStream.MODERATION, Audience.PEOPLE),
    AUDIT_MODERATED(AuditModerated.class, EventStream.MODERATION, Audience.PEOPLE),
    GRADE_INADEQUATE(GradeInadequate.class, EventStream.MODERATION, Audience.SERVICES),
    GRADE_REQUIRES_IMPROVEMENT(GradeRequiresImprovement.class, EventStream.MODERATION, Audience.SERVICES),
    CASE_OF_CONCERN_OPENED(CaseOfConcernOpened.class, EventStream.CONCERNS, Audience.PEOPLE),
    RE_AUDIT_SCHEDULED(ReAuditScheduled.class, EventStream.CONCERNS, Audience.SERVICES),
    SAFETY_PLAN_RECORDED(SafetyPlanRecorded.class, EventStream.CONCERNS, Audience.SERVICES),
    SAFETY_PLAN_OVERDUE(SafetyPlanOverdue.class, EventStream.CONCERNS, Audience.PEOPLE),
    RE_AUDIT_OVERDUE(ReAuditOverdue.class, EventStream.CONCERNS, Audience.PEOPLE),
    CASE_OF_CONCERN_CLOSED(CaseOfConcernClosed.class, EventStream.CONCERNS, Audience.PEOPLE),
    CASE_OF_CONCERN_ESCALATED(CaseOfConcernEscalated.class, EventStream.CONCERNS, Audience.PEOPLE),
    EARLY_HELP_CONCERN_ESCALATED(EarlyHelpConcernEscalated.class, EventStream.CONCERNS, Audience.PEOPLE),
    SHORT_AUDIT_SCHEDULED(ShortAuditScheduled.class, EventStream.CONCERNS, Audience.SERVICES),
    FOLLOW_UP_CLOSED(FollowUpClosed.class, EventStream.CONCERNS, Audience.SERVICES),
    DIP_SAMPLE_REQUESTED(DipSampleRequested.class, EventStream.CONCERNS, Audience.SERVICES),
    CASELOAD_AUDIT_REQUESTED(CaseloadAuditRequested.class, EventStream.CONCERNS, Audience.SERVICES),
    BOARD_AGGREGATE_UPDATED(BoardAggregateUpdated.class, EventStream.BOARD_AGGREGATES, Audience.SERVICES);

    /**
     * Who an event is for besides the services that consume it: {@code PEOPLE} when someone must act on it or the
     * councils' frameworks say someone is told of it (notification-service must route every one of these).
     */
    public enum Audience { PEOPLE, SERVICES }

    private final Class<? extends EventPayload> payloadType;
    private final EventStream stream;
    private final Audience audience;

    EventType(Class<? extends EventPayload> payloadType, EventStream stream, Audience audience) {
        this.payloadType = payloadType;
        this.stream = stream;
        this.audience = audience;
    }

    public Audience audience() {
        return audience;
    }

    /** The CloudEvents {@code type}: the payload record's simple name, e.g. {@code AuditCompleted}. */
    public String typeName() {
        return payloadType.getSimpleName();
    }

    public int schemaVersion() {
        return 1;
    }

    public Class<? extends EventPayload> payloadType() {
        return payloadType;
    }

    public EventStream stream() {
        return stream;
    }

    public static EventType ofName(String typeName) {
        return Arrays.stream(values()).filter(t -> t.typeName().equals(typeName)).findFirst()
                .orElseThrow(() -> new InvalidEventException("unknown event type '" + typeName + "'"));
    }

    public static EventType of(EventPayload payload) {
        return Arrays.stream(values()).filter(t -> t.payloadType.isInstance(payload)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a published event: " + payload.getClass()));
    }
}
