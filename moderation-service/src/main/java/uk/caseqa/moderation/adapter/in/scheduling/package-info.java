/** The clock's side: looks for moderation, panel and IRO deadlines that have fallen due. */
package uk.caseqa.moderation.adapter.in.scheduling;
