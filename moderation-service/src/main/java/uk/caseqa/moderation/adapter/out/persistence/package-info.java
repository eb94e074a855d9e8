/** MongoDB documents and the adapters behind moderation-service's ports. */
package uk.caseqa.moderation.adapter.out.persistence;
