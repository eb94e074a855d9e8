/**
 * Who may do what on the broker: the grants a service needs, read from its own bindings
 * ({@link uk.caseqa.kafka.access.KafkaGrants}); the administration that writes users and ACLs
 * ({@link uk.caseqa.kafka.access.KafkaAccess}); and how the embedded brokers are secured and signed in to
 * ({@link uk.caseqa.kafka.access.BrokerSignIn}). Used by the embedded run, docker-compose's provisioning step and the
 * tests; never by a service, which holds no administrator's password.
 */
package uk.caseqa.kafka.access;
