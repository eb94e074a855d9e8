package uk.caseqa.audit.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: the requests waiting for something not known yet, each the whole event as received. */
public interface ParkedRequests {

    /** One parked request: the event's JSON, why it waits, how often it was tried, when it is next due. */
    record Parked(String eventId, String localAuthority, String type, String json, String reason, Instant parkedAt,
            int attempts, Instant nextTryAt) {
    }

    /** Parks it; a redelivery of a request already parked keeps the first. */
    void park(Parked request);

    /** Claims one request due by {@code now} for {@code claimFor}, so that one replica tries it at a time. */
    Optional<Parked> claimDue(Instant now, java.time.Duration claimFor);

    void remove(String eventId);

    /** Tried and still waiting: the reason and the next try. */
    void later(String eventId, int attempts, Instant nextTryAt, String reason);

    /** Something arrived in the council: its parked requests are due now. */
    void dueNow(String localAuthority, Instant now);

    long count();

    List<Parked> all(String localAuthority);
}
