package uk.caseqa.contracts;

/** The Ofsted ILACS scale every council grades on, best first. */
public enum Grade {
    OUTSTANDING, GOOD, REQUIRES_IMPROVEMENT, INADEQUATE;

    public boolean isAtLeastGood() {
        return this == OUTSTANDING || this == GOOD;
    }

    public boolean isBetterThan(Grade other) {
        return ordinal() < other.ordinal();
    }
}
