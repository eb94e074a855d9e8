package uk.caseqa.reporting.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import uk.caseqa.reporting.domain.Breakdown;
import uk.caseqa.reporting.domain.BoardCount;
import uk.caseqa.reporting.domain.Measure;
import uk.caseqa.reporting.domain.Period;

/**
 * What dashboards read: every aggregate on {@code qa.board-aggregates}, held in memory by each replica, which reads
 * the compacted topic from its beginning (so a new replica rebuilds the view from the topic alone). Aggregates are
 * kept sorted by id ({@code measure|council|breakdown|value|period}), so every query is a range over one measure,
 * council and breakdown. A later revision replaces an earlier one; an older or repeated one changes nothing.
 * Listeners (the live stream) hear of each change.
 */
@Service
public class BoardView {

    private final ConcurrentSkipListMap<String, Shown> aggregates = new ConcurrentSkipListMap<>();
    private final List<Consumer<Shown>> listeners = new CopyOnWriteArrayList<>();

    /** An aggregate as shown: its counts, the figures derived from them, its revision and the moment it holds at. */
    public record Shown(String measure, String localAuthority, Breakdown breakdown, String value, String period,
            Period.Type periodType, Map<String, Long> counts, Map<String, Double> figures, long revision,
            Instant asOf) {

        static Shown of(BoardCount.Aggregate aggregate, long revision) {
            BoardCount.Key key = aggregate.key();
            return new Shown(key.measure().id(), key.localAuthority(), key.breakdown(), key.value(), key.period(),
                    Period.parse(key.period()).type(), Map.copyOf(aggregate.counts()), aggregate.figures(), revision,
                    aggregate.asOf());
        }

        String id() {
            return String.join("|", measure, localAuthority, breakdown.name(), value, period);
        }
    }

    /** A question to the view: one measure of one council by one breakdown, narrowed by value and period. */
    public record Question(Measure measure, String localAuthority, Breakdown breakdown, String value,
            String period, Period.Type periodType, String from, String to) {
        public Question {
            if (localAuthority == null || localAuthority.isBlank()) {
                throw new IllegalArgumentException("localAuthority: required");
            }
            if (measure == null) {
                throw new IllegalArgumentException("measure: required");
            }
            breakdown = breakdown == null ? Breakdown.COUNCIL : breakdown;
        }
    }

    /** Shows a published aggregate, if it is newer than the one shown; true when it changed the view. */
    public boolean show(BoardCount.Aggregate aggregate, long revision) {
        Shown next = Shown.of(aggregate, revision);
        boolean[] changed = {false};
        aggregates.compute(next.id(), (id, shown) -> {
            if (shown != null && shown.revision() >= revision) {
                return shown;
            }
            changed[0] = true;
            return next;
        });
        if (changed[0]) {
            listeners.forEach(l -> l.accept(next));
        }
        return changed[0];
    }

    /** The aggregates answering the question, by value then period. */
    public List<Shown> ask(Question q) {
        String prefix = String.join("|", q.measure().id(), q.localAuthority(), q.breakdown().name(), "");
        String from = q.value() == null ? prefix : prefix + q.value() + "|";
        List<Shown> found = new ArrayList<>();
        for (Shown shown : aggregates.subMap(from, from + Character.MAX_VALUE).values()) {
            if (q.period() != null && !q.period().equals(shown.period())) {
                continue;
            }
            if (q.periodType() != null && q.periodType() != shown.periodType()) {
                continue;
            }
            if (q.from() != null && shown.period().compareTo(q.from()) < 0
                    || q.to() != null && shown.period().compareTo(q.to()) > 0) {
                continue;
            }
            if (shown.counts().isEmpty()) {
                continue;
            }
            found.add(shown);
        }
        return found;
    }

    /** The values seen under a breakdown of a council (the teams, services, cohorts or auditors to filter by). */
    public List<String> values(String localAuthority, Breakdown breakdown) {
        String prefix = String.join("|", Measure.FINAL_GRADES.id(), localAuthority, breakdown.name(), "");
        java.util.TreeSet<String> values = new java.util.TreeSet<>();
        aggregates.subMap(prefix, prefix + Character.MAX_VALUE).values().forEach(s -> values.add(s.value()));
        return List.copyOf(values);
    }

    /** The councils the view has aggregates of. */
    public List<String> councils() {
        java.util.TreeSet<String> councils = new java.util.TreeSet<>();
        String prefix = Measure.FINAL_GRADES.id() + "|";
        for (String id = aggregates.ceilingKey(prefix); id != null && id.startsWith(prefix); ) {
            String la = id.substring(prefix.length(), id.indexOf('|', prefix.length()));
            councils.add(la);
            id = aggregates.ceilingKey(prefix + la + "|" + Character.MAX_VALUE);
        }
        return List.copyOf(councils);
    }

    public int size() {
        return aggregates.size();
    }

    public void listen(Consumer<Shown> listener) {
        listeners.add(listener);
    }

    public void stopListening(Consumer<Shown> listener) {
        listeners.remove(listener);
    }
}
