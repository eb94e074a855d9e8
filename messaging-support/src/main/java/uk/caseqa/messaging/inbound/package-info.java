/** Inbound side: decoding and validating envelopes, counting, correlation ids in logs, dead-letter reasons. */
package uk.caseqa.messaging.inbound;
