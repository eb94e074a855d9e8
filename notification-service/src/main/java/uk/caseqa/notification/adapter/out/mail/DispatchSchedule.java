package uk.caseqa.notification.adapter.out.mail;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import uk.caseqa.messaging.outbox.NudgedPasses;
import uk.caseqa.notification.application.DispatchingNotifications;
import uk.caseqa.notification.application.GatheringDigests;
import uk.caseqa.notification.application.NotificationStored;

@Component
class DispatchSchedule {

    private static final Logger log = LoggerFactory.getLogger(DispatchSchedule.class);
    private final DispatchingNotifications dispatching;
    private final GatheringDigests digests;
    private final NudgedPasses soon;
    private final boolean sendOnStore;

    /**
     * {@code caseqa.mail.send-on-store=false}: only the poll sends (tests that drive each pass themselves).
     * {@code caseqa.mail.dispatch-threads}: how many passes may send at once; each claims its emails one at a time
     * (a claim is one atomic write), so no email goes twice, and a slow mail server does not hold the others up.
     */
    DispatchSchedule(DispatchingNotifications dispatching, GatheringDigests digests,
            @Value("${caseqa.mail.send-on-store:true}") boolean sendOnStore,
            @Value("${caseqa.mail.dispatch-threads:4}") int threads) {
        this.dispatching = dispatching;
        this.digests = digests;
        this.sendOnStore = sendOnStore;
        this.soon = new NudgedPasses("mail-dispatch-soon", threads, "caseqa.mail.dispatch-threads", this::dispatch);
    }

    /**
     * An email stored to go now is sent at once, on a thread of its own (the consumer that stored it does not wait
     * for the mail server): a new pass starts beside those sending already, up to {@code dispatch-threads}; nudges
     * while one pass waits to start are that pass. The poll below stays for retries and for what a restart left.
     */
    @EventListener
    void sendSoon(NotificationStored stored) {
        if (sendOnStore) {
            soon.nudge();
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        soon.close();
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
