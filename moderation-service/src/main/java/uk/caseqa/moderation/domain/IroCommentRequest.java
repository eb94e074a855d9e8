package uk.caseqa.moderation.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import uk.caseqa.contracts.EventPayload;
import uk.caseqa.contracts.IroCommentOverdue;
import uk.caseqa.contracts.IroCommentRecorded;
import uk.caseqa.contracts.IroCommentRequested;

/**
 * When an audit of a case is allocated, the case's IRO or CP chair is told and asked for comments within the
 * profile's window (72 hours, 000 Appendix 1). The comments stay here; events carry only that they were made.
 */
public final class IroCommentRequest {

    private final String auditId;
    private final String localAuthority;
    private final String caseId;
    private final String iroId;
    private final Instant requestedAt;
    private Deadline deadline;
    private String comment;
    private Instant recordedAt;
    private final Long version;
    private final List<EventPayload> raised = new ArrayList<>();

    private IroCommentRequest(String auditId, String localAuthority, String caseId, String iroId, Instant requestedAt,
            Deadline deadline, String comment, Instant recordedAt, Long version) {
        this.auditId = auditId;
        this.localAuthority = localAuthority;
        this.caseId = caseId;
        this.iroId = iroId;
        this.requestedAt = requestedAt;
        this.deadline = deadline;
        this.comment = comment;
        this.recordedAt = recordedAt;
        this.version = version;
    }

    public static IroCommentRequest request(String auditId, String localAuthority, String caseId, String iroId,
            Instant now, int windowHours) {
        Deadline due = new Deadline(Deadline.Kind.IRO_COMMENT, now.plus(Duration.ofHours(windowHours)), null);
        IroCommentRequest request = new IroCommentRequest(auditId, localAuthority, caseId, iroId, now, due, null, null,
                null);
        request.raised.add(new IroCommentRequested(auditId, caseId, iroId, due.dueAt()));
        return request;
    }

    public static IroCommentRequest restore(String auditId, String localAuthority, String caseId, String iroId,
            Instant requestedAt, Deadline deadline, String comment, Instant recordedAt, Long version) {
        return new IroCommentRequest(auditId, localAuthority, caseId, iroId, requestedAt, deadline, comment,
                recordedAt, version);
    }

    /** The IRO (only they) records comments, once; late comments are kept and marked late. */
    public void record(String by, String text, Instant now) {
        if (!iroId.equals(by)) {
            throw new SecurityException("only the case's IRO / CP chair (" + iroId + ") comments here");
        }
        if (comment != null) {
            throw new IllegalStateException("comments were already recorded on " + recordedAt);
        }
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the comment is empty");
        }
        comment = text;
        recordedAt = now;
        boolean late = now.isAfter(deadline.dueAt());
        raised.add(new IroCommentRecorded(auditId, caseId, iroId, now, late));
    }

    /** Fires the window's end once, if no comment came. */
    public boolean fireIfDue(Instant now) {
        if (comment != null || !deadline.dueBy(now)) {
            return false;
        }
        deadline = deadline.fired(now);
        raised.add(new IroCommentOverdue(auditId, caseId, iroId, deadline.dueAt()));
        return true;
    }

    public Instant nextDueAt() {
        return comment == null && deadline.pending() ? deadline.dueAt() : null;
    }

    public List<EventPayload> raised() { return List.copyOf(raised); }
    public String auditId() { return auditId; }
    public String localAuthority() { return localAuthority; }
    public String caseId() { return caseId; }
    public String iroId() { return iroId; }
    public Instant requestedAt() { return requestedAt; }
    public Deadline deadline() { return deadline; }
    public String comment() { return comment; }
    public Instant recordedAt() { return recordedAt; }
    public Long version() { return version; }
}
