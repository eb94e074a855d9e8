/** Concern domain: the case of concern and its durable deadlines; plain Java and the published language only. */
package uk.caseqa.concern.domain;
