/** The clock's side: looks for overdue audits and actions. */
package uk.caseqa.audit.adapter.in.scheduling;
