package uk.caseqa.moderation.application;

import java.time.Clock;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.stereotype.Service;
import uk.caseqa.contracts.AuditAllocated;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.moderation.domain.IroCommentRequest;
import uk.caseqa.moderation.domain.ModerationProfile;
import uk.caseqa.moderation.domain.ModerationProfiles;

/** Use cases: ask the case's IRO / CP chair for comments when an audit is allocated; record them. */
@Service
public class RequestingIroComments {

    private final IroCommentRequests requests;
    private final ModerationProfiles profiles;
    private final ModerationEvents events;
    private final Clock clock;

    RequestingIroComments(IroCommentRequests requests, ModerationProfiles profiles, ModerationEvents events,
            Clock clock) {
        this.requests = requests;
        this.profiles = profiles;
        this.events = events;
        this.clock = clock;
    }

    /**
     * False when the council's profile asks for no IRO comments (Swindon does, 000 Appendix 1; Bolton, Telford and
     * Wandsworth state no window), the case has no IRO / CP chair, or the request was already made (a redelivery).
     */
    public boolean auditAllocated(EventEnvelope<AuditAllocated> event) {
        AuditAllocated allocated = event.data();
        ModerationProfile profile = profiles.inForce(event.localAuthority(), event.time());
        if (!profile.asksIroForComments() || allocated.iroId() == null
                || requests.find(allocated.auditId()).isPresent()) {
            return false;
        }
        int hours = profile.iroCommentHours();
        IroCommentRequest request = IroCommentRequest.request(allocated.auditId(), event.localAuthority(),
                allocated.caseId(), allocated.iroId(), clock.instant(), hours);
        return requests.insertIfAbsent(request, events.of(request.auditId(), request.localAuthority(), request.raised()));
    }

    public IroCommentRequest record(String auditId, String by, String comment) {
        IroCommentRequest request = find(auditId);
        request.record(by, comment, clock.instant());
        requests.update(request, events.of(auditId, request.localAuthority(), request.raised()));
        return request;
    }

    /** What this IRO / CP chair has still to comment on in their council. */
    public List<IroCommentRequest> awaitingCommentBy(String localAuthority, String iroId) {
        return requests.awaitingCommentBy(localAuthority, iroId);
    }

    public IroCommentRequest find(String auditId) {
        return requests.find(auditId).orElseThrow(() -> new NoSuchElementException("no IRO comment request for " + auditId));
    }
}
