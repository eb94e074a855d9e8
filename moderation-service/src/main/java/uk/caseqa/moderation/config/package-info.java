/** Wiring of moderation-service: the councils' moderation profiles and the bank-holiday calendar, from configuration. */
package uk.caseqa.moderation.config;
