/** Audit domain: cases, staff and the audit aggregate; plain Java and the published language only. */
package uk.caseqa.audit.domain;
