/** MongoDB documents and the adapters behind concern-service's ports. */
package uk.caseqa.concern.adapter.out.persistence;
