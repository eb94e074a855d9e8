package uk.caseqa.audit.domain;

/**
 * Feedback an audit gathers besides the family's: the allocated practitioner's view (001 §3, 002 §3 and §7), a
 * professional's (002 §5, §7.3) or the lead agency's (003). What they said, or why it could not be obtained, stays in
 * this service; events carry neither.
 */
public record OtherFeedback(Source from, String who, String summary, String notObtainedReason) {

    /** Whose feedback it is. */
    public enum Source { PRACTITIONER, PROFESSIONAL, LEAD_AGENCY }

    public OtherFeedback {
        if (from == null) {
            throw new IllegalArgumentException("otherFeedback[].from is required: PRACTITIONER, PROFESSIONAL or LEAD_AGENCY");
        }
        if (isBlank(summary) && isBlank(notObtainedReason)) {
            throw new IllegalArgumentException("otherFeedback[" + from + "] needs what was said or why it was not obtained");
        }
    }

    public boolean obtained() {
        return !isBlank(summary);
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
