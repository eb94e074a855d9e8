/** Traces across HTTP, the outbox and Kafka ({@link uk.caseqa.messaging.tracing.TraceContexts}). */
package uk.caseqa.messaging.tracing;
