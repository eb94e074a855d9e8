/** REST API of moderation-service for moderators and the QA team. */
package uk.caseqa.moderation.adapter.in.web;
