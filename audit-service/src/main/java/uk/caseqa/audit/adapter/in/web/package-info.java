/** REST API of audit-service for the QA team and auditors. */
package uk.caseqa.audit.adapter.in.web;
