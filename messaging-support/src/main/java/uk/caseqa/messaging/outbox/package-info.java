/** Transactional outbox kept inside each aggregate's document, and the relay that publishes it. */
package uk.caseqa.messaging.outbox;
