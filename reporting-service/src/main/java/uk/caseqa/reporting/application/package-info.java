/** Use cases of reporting-service and the ports they need. */
package uk.caseqa.reporting.application;
