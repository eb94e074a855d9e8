package uk.caseqa.notification.adapter.out.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import uk.caseqa.notification.application.DispatchingNotifications;
import uk.caseqa.notification.application.GatheringDigests;

@Component
class DispatchSchedule {

    private static final Logger log = LoggerFactory.getLogger(DispatchSchedule.class);
    private final DispatchingNotifications dispatching;
    private final GatheringDigests digests;

    DispatchSchedule(DispatchingNotifications dispatching, GatheringDigests digests) {
        this.dispatching = dispatching;
        this.digests = digests;
    }

    @Scheduled(fixedDelayString = "${caseqa.mail.dispatch-interval:500ms}")
    void dispatch() {
        try {
            dispatching.dispatchPending();
        } catch (RuntimeException e) {
            log.warn("notification dispatch pass failed, will retry: {}", e.toString());
        }
    }

    @Scheduled(fixedDelayString = "${caseqa.mail.digest-interval:1m}")
    void gatherDigests() {
        try {
            digests.gatherDue();
        } catch (RuntimeException e) {
            log.warn("digest pass failed, will retry: {}", e.toString());
        }
    }
}
