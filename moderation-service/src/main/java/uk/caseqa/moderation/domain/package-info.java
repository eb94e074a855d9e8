/** Moderation domain: the moderation aggregate and who may moderate; plain Java and the published language only. */
package uk.caseqa.moderation.domain;
