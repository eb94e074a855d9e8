package uk.caseqa.notification.adapter.out.mail;

import jakarta.annotation.PreDestroy;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import uk.caseqa.notification.application.DispatchingNotifications;
import uk.caseqa.notification.application.GatheringDigests;
import uk.caseqa.notification.application.NotificationStored;

@Component
class DispatchSchedule {

    private static final Logger log = LoggerFactory.getLogger(DispatchSchedule.class);
    private final DispatchingNotifications dispatching;
    private final GatheringDigests digests;
    private final ExecutorService soon = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "mail-dispatch-soon");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean queued = new AtomicBoolean();
    private final boolean sendOnStore;

    /** {@code caseqa.mail.send-on-store=false}: only the poll sends (tests that drive each pass themselves). */
    DispatchSchedule(DispatchingNotifications dispatching, GatheringDigests digests,
            @Value("${caseqa.mail.send-on-store:true}") boolean sendOnStore) {
        this.dispatching = dispatching;
        this.digests = digests;
        this.sendOnStore = sendOnStore;
    }

    /**
     * An email stored to go now is sent at once, on a thread of its own (the consumer that stored it does not wait
     * for the mail server); the poll below stays for retries and for what a restart left. Nudges while a pass is
     * queued are one pass.
     */
    @EventListener
    void sendSoon(NotificationStored stored) {
        if (sendOnStore && queued.compareAndSet(false, true)) {
            try {
                soon.execute(() -> {
                    queued.set(false);
                    dispatch();
                });
            } catch (RejectedExecutionException stopping) {
                queued.set(false);
            }
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        soon.shutdown();
        soon.awaitTermination(5, TimeUnit.SECONDS);
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
