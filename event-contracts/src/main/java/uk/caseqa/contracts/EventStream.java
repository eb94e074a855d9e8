package uk.caseqa.contracts;

/**
 * The Kafka topics of the platform. Services name the topic of each binding in their configuration
 * ({@code caseqa.topic-prefix} + {@link #topic()}); this is the catalogue they follow. The two inbound streams have a
 * topic per council ({@link #topicFor(String)}, e.g. {@code qa.case-events.swindon}), so that the broker's ACLs let
 * each council's systems write their own council's events and no other's.
 */
public enum EventStream {
    /** Inbound from case-management systems, a topic per council; key = case id. */
    CASES("qa.case-events", true),
    /** Inbound from HR / case-management systems, a topic per council; key = staff id. */
    STAFF("qa.staff-events", true),
    /** audit-service; key = audit id. */
    AUDITS("qa.audit-events"),
    /** moderation-service; key = audit id. */
    MODERATION("qa.moderation-events"),
    /** concern-service; key = case-of-concern id. */
    CONCERNS("qa.concern-events"),
    /** reporting-service, for dashboards (compacted); key = measure, council, breakdown and period. */
    BOARD_AGGREGATES("qa.board-aggregates");

    private final String topic;
    private final boolean perCouncil;

    EventStream(String topic) {
        this(topic, false);
    }

    EventStream(String topic, boolean perCouncil) {
        this.topic = topic;
        this.perCouncil = perCouncil;
    }

    /** The topic's name, or for a stream with a topic per council, the stem of their names. */
    public String topic() {
        return topic;
    }

    public boolean perCouncil() {
        return perCouncil;
    }

    /** The topic an event of this council travels on: its own for a stream with a topic per council. */
    public String topicFor(String council) {
        return perCouncil ? topic + "." + council : topic;
    }
}
