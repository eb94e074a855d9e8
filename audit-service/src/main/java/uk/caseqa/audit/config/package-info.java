/** Wiring of audit-service: the councils' audit programmes from configuration. */
package uk.caseqa.audit.config;
