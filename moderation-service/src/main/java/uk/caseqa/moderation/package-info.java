/** moderation-service: a second pair of eyes on completed audits; publishes the final grade and grade triggers. */
package uk.caseqa.moderation;
