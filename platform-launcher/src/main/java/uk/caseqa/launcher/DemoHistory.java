package uk.caseqa.launcher;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.contracts.EventPayload;
import uk.caseqa.reporting.application.ProjectingEvents;
import uk.caseqa.reporting.demo.YearOfAudits;

/**
 * A year of generated audits for four councils, so the dashboard and the board packs are worth opening on the
 * embedded run: every grade, moderated and unmoderated audits, returned and re-moderated ones, cases of concern in
 * each state. The events go straight into reporting-service's projection (the other services never see them, so
 * nobody is emailed about a generated audit), through the same use case the Kafka consumers call. Projecting is
 * idempotent: a restart on the same data changes nothing. The history is the same from one start to the next on the
 * same day (fixed seed), and ends now.
 */
final class DemoHistory {

    private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);
    private static final int BATCH = 500;
    static final List<YearOfAudits.Council> COUNCILS = List.of(
            new YearOfAudits.Council("swindon", YearOfAudits.Policy.SAMPLE_25, 2, 2, 3),
            new YearOfAudits.Council("telford-and-wrekin", YearOfAudits.Policy.NONE, 2, 2, 2),
            new YearOfAudits.Council("bolton", YearOfAudits.Policy.ALL, 2, 2, 2),
            new YearOfAudits.Council("wandsworth", YearOfAudits.Policy.SAMPLE_25, 1, 3, 2));

    private DemoHistory() {
    }

    /** Projects the history into the running reporting-service; returns the number of events. */
    static int load(ConfigurableApplicationContext reporting) {
        Instant now = Instant.now();
        LocalDate firstMonth = LocalDate.ofInstant(now, ZoneId.of("Europe/London")).withDayOfMonth(1).minusMonths(12);
        YearOfAudits.History history = YearOfAudits.generate(COUNCILS, firstMonth, 13, now, 2026L);
        ProjectingEvents projecting = reporting.getBean(ProjectingEvents.class);
        long started = System.nanoTime();
        List<EventEnvelope<EventPayload>> events = history.events();
        for (int from = 0; from < events.size(); from += BATCH) { // as the consumers do, a poll's worth at a time
            projecting.projectAll(events.subList(from, Math.min(events.size(), from + BATCH)));
        }
        log.info("demo history: {} events of {} audits in {} councils projected in {} ms", history.events().size(),
                history.stories().size(), COUNCILS.size(), (System.nanoTime() - started) / 1_000_000);
        return history.events().size();
    }
}
