/** audit-service: the case and staff registry, allocation of audits to auditors, and completed audits. */
package uk.caseqa.audit;
