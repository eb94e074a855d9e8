package uk.caseqa.moderation.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import uk.caseqa.contracts.Grade;
import uk.caseqa.contracts.StaffRole;

/**
 * One council's moderation rules, as data ({@code caseqa.moderation.profiles}): which audits are moderated (all, a
 * reproducible sample, none) and which grades always are, the moderator pool, the moderation deadline in working
 * days when the allocation gave none, the IRO / CP chair window (none where the council has no such rule), whether
 * an auditor is told of a changed grade, and whether a QA panel reviews audits (with its close deadline) or an audit
 * closes once moderated. A value out of range refuses to start the service rather than fall back to a default.
 */
public record ModerationProfile(String id, String localAuthority, LocalDate effectiveFrom, String source,
        Coverage moderate, int samplePercent, List<Grade> alwaysModerate, List<StaffRole> moderatorRoles,
        int moderationWorkingDays, Integer iroCommentHours, boolean tellAuditorOfChange, boolean qaPanel,
        Integer panelCloseWorkingDays) {

    public enum Coverage { ALL, SAMPLE, NONE }

    public ModerationProfile {
        if (id == null || localAuthority == null || effectiveFrom == null) {
            throw new IllegalArgumentException("a moderation profile needs an id, a local authority and effectiveFrom");
        }
        moderate = moderate == null ? Coverage.ALL : moderate;
        alwaysModerate = alwaysModerate == null ? List.of(Grade.INADEQUATE) : List.copyOf(alwaysModerate);
        moderatorRoles = moderatorRoles == null || moderatorRoles.isEmpty()
                ? List.of(StaffRole.SERVICE_MANAGER, StaffRole.HEAD_OF_SERVICE, StaffRole.QA_LEAD, StaffRole.IRO)
                : List.copyOf(moderatorRoles);
        if (moderationWorkingDays <= 0) {
            throw new IllegalArgumentException("moderation profile " + id + ": moderation-working-days must be at least 1");
        }
        if (iroCommentHours != null && iroCommentHours <= 0) {
            throw new IllegalArgumentException("moderation profile " + id
                    + ": iro-comment-hours must be at least 1, or absent where the council asks the IRO for none");
        }
        if (qaPanel != (panelCloseWorkingDays != null)) {
            throw new IllegalArgumentException("moderation profile " + id
                    + ": panel-close-working-days is set exactly when qa-panel is true");
        }
        if (panelCloseWorkingDays != null && panelCloseWorkingDays <= 0) {
            throw new IllegalArgumentException("moderation profile " + id + ": panel-close-working-days must be at least 1");
        }
        if (moderate == Coverage.SAMPLE && (samplePercent <= 0 || samplePercent > 100)) {
            throw new IllegalArgumentException("moderation profile " + id + ": sample-percent must be 1 to 100");
        }
    }

    /**
     * The moderation deadline: the one given at allocation (002 §7.1; 000 Appendix 1, "by the given deadline"), or
     * this profile's working days from {@code now} when the audit came without one or after it, so that a late
     * auditor does not hand the moderator an audit already overdue (not stated by the seeds: the product's choice).
     */
    public Instant moderationDueBy(Instant givenAtAllocation, Instant now, WorkingDays workingDays) {
        return givenAtAllocation != null && givenAtAllocation.isAfter(now) ? givenAtAllocation
                : workingDays.endOfWorkingDaysAfter(now, moderationWorkingDays);
    }

    /** Whether the council asks the case's IRO / CP chair to comment on an audit, within a window. */
    public boolean asksIroForComments() {
        return iroCommentHours != null;
    }

    /** Whether this audit is moderated, and why: reproducible from the audit id, so the choice can be shown. */
    public Selection selects(String auditId, Grade auditorGrade) {
        if (alwaysModerate.contains(auditorGrade)) {
            return new Selection(true, auditorGrade + " audits are always moderated (" + id + ")");
        }
        return switch (moderate) {
            case ALL -> new Selection(true, "every audit is moderated (" + id + ")");
            case NONE -> new Selection(false, "not moderated: the QA panel reviews audits (" + id + ")");
            case SAMPLE -> {
                int bucket = Math.floorMod(("moderation-sample:" + auditId).hashCode(), 100);
                yield bucket < samplePercent
                        ? new Selection(true, "sampled for moderation: bucket " + bucket + " < " + samplePercent + "%")
                        : new Selection(false, "not sampled for moderation: bucket " + bucket + " >= " + samplePercent + "%");
            }
        };
    }

    /** The moderation choice for one audit, with its reason. */
    public record Selection(boolean moderate, String reason) {
    }
}
