package uk.caseqa.contracts;

/** Marker for the data of an integration event: a past-tense fact carrying identifiers, never personal details. */
public interface EventPayload {
}
