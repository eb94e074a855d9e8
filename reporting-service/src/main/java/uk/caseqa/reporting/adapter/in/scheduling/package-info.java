/** Inbound adapter: the timer that counts the board again, on a thread of its own. */
package uk.caseqa.reporting.adapter.in.scheduling;
