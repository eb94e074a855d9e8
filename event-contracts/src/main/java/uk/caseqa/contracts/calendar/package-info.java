/** Dates and due times as the councils' documents count them: calendar days and weeks in England. */
package uk.caseqa.contracts.calendar;
