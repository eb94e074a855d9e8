/** notification-service: emails the people who must act, once per event and recipient, with a reference and a link. */
package uk.caseqa.notification;
