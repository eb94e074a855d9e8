/** MongoDB documents and the adapters behind audit-service's ports. */
package uk.caseqa.audit.adapter.out.persistence;
