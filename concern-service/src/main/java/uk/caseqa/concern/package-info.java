/** concern-service: opens a case of concern on an Inadequate grade and keeps its deadlines. */
package uk.caseqa.concern;
