package uk.caseqa.contracts;

/** Why an audit has no family feedback (000 §2.3 asks for the reason): a category boards can count. */
public enum FeedbackNotObtained {
    DECLINED, NO_RESPONSE, NOT_CONTACTABLE, NOT_APPROPRIATE, OTHER
}
