/** Messaging mechanics written once for every service: outbox, inbound decoding, dead letters, correlation ids. */
package uk.caseqa.messaging;
