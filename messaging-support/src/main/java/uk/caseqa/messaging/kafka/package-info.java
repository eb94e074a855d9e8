/** Signing in to Kafka from the clients a service builds by hand, as the binder does. */
package uk.caseqa.messaging.kafka;
