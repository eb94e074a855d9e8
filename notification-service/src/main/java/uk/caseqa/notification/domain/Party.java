package uk.caseqa.notification.domain;

import java.util.Optional;
import uk.caseqa.contracts.StaffRole;

/**
 * Someone a route tells: a person the audit or event names (its auditor, moderator, IRO / CP chair, social worker,
 * service manager, the action's owner), the team manager of the case's team, the holders of a council-wide post, or
 * the posts the event itself names (the escalation chain's next level, the roles a profile says are told).
 */
public enum Party {
    AUDITOR, MODERATOR, IRO, SOCIAL_WORKER, SERVICE_MANAGER, ACTION_OWNER,
    /** The team manager of the case's team (from the staff directory). */
    TEAM_MANAGER,
    /** The posts the event names: {@code alsoTell}, {@code escalateTo}. */
    NAMED_IN_EVENT,
    QA_MANAGER, QA_LEAD, HEAD_OF_SERVICE, HEAD_OF_SAFEGUARDING_STANDARDS, CORPORATE_DIRECTOR;

    /** The party that is this post, if any (the posts an event names are looked for as these parties). */
    public static Optional<Party> ofPost(StaffRole post) {
        return java.util.Arrays.stream(values()).filter(p -> p.post().equals(Optional.of(post))).findFirst();
    }

    /** The council-wide post whose holders are told, for the parties that are posts. */
    public Optional<StaffRole> post() {
        return switch (this) {
            case QA_MANAGER -> Optional.of(StaffRole.QA_MANAGER);
            case QA_LEAD -> Optional.of(StaffRole.QA_LEAD);
            case HEAD_OF_SERVICE -> Optional.of(StaffRole.HEAD_OF_SERVICE);
            case HEAD_OF_SAFEGUARDING_STANDARDS -> Optional.of(StaffRole.HEAD_OF_SAFEGUARDING_STANDARDS);
            case CORPORATE_DIRECTOR -> Optional.of(StaffRole.CORPORATE_DIRECTOR);
            default -> Optional.empty();
        };
    }
}
