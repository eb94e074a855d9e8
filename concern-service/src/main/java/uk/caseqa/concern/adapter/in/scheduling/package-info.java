/** The clock's side: looks for deadlines that have fallen due. */
package uk.caseqa.concern.adapter.in.scheduling;
