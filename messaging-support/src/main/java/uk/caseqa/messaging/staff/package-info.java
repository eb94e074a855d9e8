/** The staff directory every service keeps from the staff events: a replicated read model, upserted idempotently. */
package uk.caseqa.messaging.staff;
