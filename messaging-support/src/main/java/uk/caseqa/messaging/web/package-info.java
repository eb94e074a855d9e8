/** HTTP conventions shared by the services: problem details for errors, correlation ids, the acting user. */
package uk.caseqa.messaging.web;
