package uk.caseqa.contracts;

/**
 * The Kafka topics of the platform. Services name the topic of each binding in their configuration
 * ({@code caseqa.topic-prefix} + {@link #topic()}); this is the catalogue they follow.
 */
public enum EventStream {
    /** Inbound from case-management systems; key = case id. */
    CASES("qa.case-events"),
    /** Inbound from HR / case-management systems; key = staff id. */
    STAFF("qa.staff-events"),
    /** audit-service; key = audit id. */
    AUDITS("qa.audit-events"),
    /** moderation-service; key = audit id. */
    MODERATION("qa.moderation-events"),
    /** concern-service; key = case-of-concern id. */
    CONCERNS("qa.concern-events"),
    /** reporting-service, for dashboards (compacted); key = measure, council, breakdown and period. */
    BOARD_AGGREGATES("qa.board-aggregates");

    private final String topic;

    EventStream(String topic) {
        this.topic = topic;
    }

    public String topic() {
        return topic;
    }
}
