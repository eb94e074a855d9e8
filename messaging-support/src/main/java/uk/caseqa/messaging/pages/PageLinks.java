package uk.caseqa.messaging.pages;

import org.springframework.core.env.Environment;

/**
 * Where each service's pages are, as a person's browser reaches them ({@code caseqa.links.*}): the links between
 * pages, and in emails, open the service that owns the record.
 */
public record PageLinks(String audit, String moderation, String concern, String reporting, String notification) {

    public static PageLinks from(Environment environment) {
        return new PageLinks(environment.getProperty("caseqa.links.audit-service", ""),
                environment.getProperty("caseqa.links.moderation-service", ""),
                environment.getProperty("caseqa.links.concern-service", ""),
                environment.getProperty("caseqa.links.reporting-service", ""),
                environment.getProperty("caseqa.links.notification-service", ""));
    }
}
