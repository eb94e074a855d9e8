/** REST API of reporting-service for boards and dashboards. */
package uk.caseqa.reporting.adapter.in.web;
