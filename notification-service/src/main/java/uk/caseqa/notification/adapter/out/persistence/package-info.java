/** MongoDB documents and the adapters behind notification-service's ports. */
package uk.caseqa.notification.adapter.out.persistence;
