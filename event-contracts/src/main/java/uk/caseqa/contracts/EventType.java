package uk.caseqa.contracts;

import java.util.Arrays;

/** Every event type of the published language, its payload record, schema version and the stream it travels on. */
public enum EventType {
    CASE_OPENED(CaseOpened.class, EventStream.CASES),
    CASE_COHORT_CHANGED(CaseCohortChanged.class, EventStream.CASES),
    CASE_RESPONSIBILITY_CHANGED(CaseResponsibilityChanged.class, EventStream.CASES),
    CASE_CLOSED(CaseClosed.class, EventStream.CASES),
    STAFF_MEMBER_REGISTERED(StaffMemberRegistered.class, EventStream.STAFF),
    AUDIT_ALLOCATED(AuditAllocated.class, EventStream.AUDITS),
    AUDIT_COMPLETED(AuditCompleted.class, EventStream.AUDITS),
    AUDIT_OVERDUE(AuditOverdue.class, EventStream.AUDITS),
    ACTION_OVERDUE(ActionOverdue.class, EventStream.AUDITS),
    MODERATION_ASSIGNED(ModerationAssigned.class, EventStream.MODERATION),
    MODERATION_OVERDUE(ModerationOverdue.class, EventStream.MODERATION),
    IRO_COMMENT_REQUESTED(IroCommentRequested.class, EventStream.MODERATION),
    IRO_COMMENT_RECORDED(IroCommentRecorded.class, EventStream.MODERATION),
    IRO_COMMENT_OVERDUE(IroCommentOverdue.class, EventStream.MODERATION),
    AUDIT_ACCEPTED_BY_PANEL(AuditAcceptedByPanel.class, EventStream.MODERATION),
    AUDIT_RETURNED(AuditReturned.class, EventStream.MODERATION),
    AUDIT_CLOSED(AuditClosed.class, EventStream.MODERATION),
    PANEL_CLOSE_OVERDUE(PanelCloseOverdue.class, EventStream.MODERATION),
    AUDIT_MODERATED(AuditModerated.class, EventStream.MODERATION),
    GRADE_INADEQUATE(GradeInadequate.class, EventStream.MODERATION),
    GRADE_REQUIRES_IMPROVEMENT(GradeRequiresImprovement.class, EventStream.MODERATION),
    CASE_OF_CONCERN_OPENED(CaseOfConcernOpened.class, EventStream.CONCERNS),
    RE_AUDIT_SCHEDULED(ReAuditScheduled.class, EventStream.CONCERNS),
    SAFETY_PLAN_RECORDED(SafetyPlanRecorded.class, EventStream.CONCERNS),
    SAFETY_PLAN_OVERDUE(SafetyPlanOverdue.class, EventStream.CONCERNS),
    RE_AUDIT_OVERDUE(ReAuditOverdue.class, EventStream.CONCERNS),
    CASE_OF_CONCERN_CLOSED(CaseOfConcernClosed.class, EventStream.CONCERNS),
    CASE_OF_CONCERN_ESCALATED(CaseOfConcernEscalated.class, EventStream.CONCERNS),
    SHORT_AUDIT_SCHEDULED(ShortAuditScheduled.class, EventStream.CONCERNS),
    FOLLOW_UP_CLOSED(FollowUpClosed.class, EventStream.CONCERNS),
    DIP_SAMPLE_REQUESTED(DipSampleRequested.class, EventStream.CONCERNS),
    CASELOAD_AUDIT_REQUESTED(CaseloadAuditRequested.class, EventStream.CONCERNS),
    BOARD_AGGREGATE_UPDATED(BoardAggregateUpdated.class, EventStream.BOARD_AGGREGATES);

    private final Class<? extends EventPayload> payloadType;
    private final EventStream stream;

    EventType(Class<? extends EventPayload> payloadType, EventStream stream) {
        this.payloadType = payloadType;
        this.stream = stream;
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
