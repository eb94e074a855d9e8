/** MongoDB documents and the adapters behind reporting-service's ports. */
package uk.caseqa.reporting.adapter.out.persistence;
