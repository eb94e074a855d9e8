package uk.caseqa.reporting.application;

/** Port: whether the projection has caught up with the events that were waiting when the service started. */
public interface CatchUp {

    /** True once every event present at start-up is projected (or when that cannot be known). */
    boolean caughtUp();
}
