/** Notification domain: what an alert says (identifiers and links only); plain Java and the published language only. */
package uk.caseqa.notification.domain;
