/** Wiring of concern-service: the councils' profiles from configuration. */
package uk.caseqa.concern.config;
