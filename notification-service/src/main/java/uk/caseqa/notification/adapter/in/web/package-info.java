/** REST API of notification-service for operators. */
package uk.caseqa.notification.adapter.in.web;
