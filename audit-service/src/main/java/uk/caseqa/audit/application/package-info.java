/** Use cases of audit-service and the ports they need. */
package uk.caseqa.audit.application;
