/** The published language of the platform: one CloudEvents-aligned envelope and a record per event type. */
package uk.caseqa.contracts;
