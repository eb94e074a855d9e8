/** Binds and checks notification-service's data: councils, routes, vacancy fallbacks, digests. */
package uk.caseqa.notification.config;
