/**
 * Pages people act on, shared by the services: the layout (GOV.UK Frontend from its webjar, no custom script), the
 * signed-in person, form errors and page-shaped refusals. Sign-in itself is {@code security.PageSignIn}.
 */
package uk.caseqa.messaging.pages;
