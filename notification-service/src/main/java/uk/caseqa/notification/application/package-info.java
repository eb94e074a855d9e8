/** Use cases of notification-service and the ports they need. */
package uk.caseqa.notification.application;
