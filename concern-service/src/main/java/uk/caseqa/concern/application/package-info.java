/** Use cases of concern-service and the ports they need. */
package uk.caseqa.concern.application;
