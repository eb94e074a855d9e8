/** Wiring of reporting-service from its configuration. */
package uk.caseqa.reporting.config;
