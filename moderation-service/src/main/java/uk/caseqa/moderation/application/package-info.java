/** Use cases of moderation-service and the ports they need. */
package uk.caseqa.moderation.application;
