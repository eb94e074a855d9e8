package uk.caseqa.moderation.domain;

import java.time.LocalDate;
import java.util.List;
import uk.caseqa.contracts.Grade;
import uk.caseqa.contracts.StaffRole;

/**
 * One council's moderation rules, as data ({@code caseqa.moderation.profiles}): which audits are moderated (all, a
 * reproducible sample, none) and which grades always are, the moderator pool, the moderation deadline in working
 * days, the IRO / CP chair window, whether an auditor is told of a changed grade, and the panel close deadline.
 */
public record ModerationProfile(String id, String localAuthority, LocalDate effectiveFrom, String source,
        Coverage moderate, int samplePercent, List<Grade> alwaysModerate, List<StaffRole> moderatorRoles,
        int moderationWorkingDays, int iroCommentHours, boolean tellAuditorOfChange, int panelCloseWorkingDays) {

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
        moderationWorkingDays = moderationWorkingDays <= 0 ? 5 : moderationWorkingDays;
        iroCommentHours = iroCommentHours <= 0 ? 72 : iroCommentHours;
        panelCloseWorkingDays = panelCloseWorkingDays <= 0 ? 2 : panelCloseWorkingDays;
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
