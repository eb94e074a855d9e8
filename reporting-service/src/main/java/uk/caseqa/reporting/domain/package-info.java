/** Reporting domain: which tally an event moves; plain Java and the published language only. */
package uk.caseqa.reporting.domain;
