package uk.caseqa.audit.adapter.in.scheduling;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import uk.caseqa.audit.application.WatchingAuditDeadlines;

@Component
class DeadlineWatch {

    private static final Logger log = LoggerFactory.getLogger(DeadlineWatch.class);
    private final WatchingAuditDeadlines watching;

    DeadlineWatch(WatchingAuditDeadlines watching) {
        this.watching = watching;
    }

    @Scheduled(fixedDelayString = "${caseqa.audit.deadline-scan-interval:1s}")
    void scan() {
        try {
            watching.fireDue();
        } catch (RuntimeException e) {
            log.warn("deadline scan failed, will retry: {}", e.toString());
        }
    }
}
