/** Publishes changed board aggregates to the aggregates topic for dashboards. */
package uk.caseqa.reporting.adapter.out.messaging;
