package uk.caseqa.moderation.adapter.in.scheduling;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import uk.caseqa.moderation.application.WatchingModerationDeadlines;

@Component
class DeadlineWatch {

    private static final Logger log = LoggerFactory.getLogger(DeadlineWatch.class);
    private final WatchingModerationDeadlines watching;

    DeadlineWatch(WatchingModerationDeadlines watching) {
        this.watching = watching;
    }

    @Scheduled(fixedDelayString = "${caseqa.moderation.deadline-scan-interval:1s}")
    void scan() {
        try {
            watching.fireDue();
        } catch (RuntimeException e) {
            log.warn("deadline scan failed, will retry: {}", e.toString());
        }
    }
}
