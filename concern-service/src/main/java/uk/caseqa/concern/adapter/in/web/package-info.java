/** REST API of concern-service for service managers, the QA team and boards. */
package uk.caseqa.concern.adapter.in.web;
