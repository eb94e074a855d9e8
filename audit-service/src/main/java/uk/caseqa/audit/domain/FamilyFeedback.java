package uk.caseqa.audit.domain;

import uk.caseqa.contracts.FeedbackNotObtained;

/**
 * Family feedback sought before the audit (000 §2.3): who responded and whether they want to hear what changed, or
 * the recorded reason none could be obtained. The answers themselves stay in this service.
 */
public record FamilyFeedback(String respondentType, String treatedWell, String madeADifference,
        String couldDoDifferently, boolean wantsToHearWhatChanged, String notObtainedReason,
        FeedbackNotObtained notObtainedBecause) {

    /** Without a category for a missing feedback: counted as {@code OTHER}. */
    public FamilyFeedback(String respondentType, String treatedWell, String madeADifference, String couldDoDifferently,
            boolean wantsToHearWhatChanged, String notObtainedReason) {
        this(respondentType, treatedWell, madeADifference, couldDoDifferently, wantsToHearWhatChanged,
                notObtainedReason, null);
    }

    public boolean obtained() {
        return respondentType != null && !respondentType.isBlank();
    }

    public FamilyFeedback {
        boolean hasReason = notObtainedReason != null && !notObtainedReason.isBlank();
        if (!(respondentType != null && !respondentType.isBlank()) && !hasReason) {
            throw new IllegalArgumentException("familyFeedback needs a respondentType or the reason none was obtained");
        }
        notObtainedBecause = obtainedBy(respondentType) ? null
                : notObtainedBecause == null ? FeedbackNotObtained.OTHER : notObtainedBecause;
    }

    private static boolean obtainedBy(String respondentType) {
        return respondentType != null && !respondentType.isBlank();
    }
}
