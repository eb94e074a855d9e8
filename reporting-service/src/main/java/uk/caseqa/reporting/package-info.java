/** reporting-service: board aggregates derived from the events, served over REST and published for dashboards. */
package uk.caseqa.reporting;
