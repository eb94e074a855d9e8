package uk.caseqa.audit.application;

/**
 * A request that names something this service has not heard of yet (a case whose events are still on their way, a
 * post nobody holds yet): it waits, parked, and is tried again when that may have changed, instead of failing.
 */
public class NotKnownYet extends IllegalStateException {

    public NotKnownYet(String message) {
        super(message);
    }
}
