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

    private final ConcurrentSkipListMap<String, Held> aggregates = new ConcurrentSkipListMap<>();
    private final List<Consumer<Shown>> listeners = new CopyOnWriteArrayList<>();

    /** What the view holds of one aggregate: little, as a national view holds millions (figures are derived). */
    private record Held(BoardCount.Aggregate aggregate, Period.Type periodType, long revision) {
        Shown shown() {
            BoardCount.Key key = aggregate.key();
            return new Shown(key.measure().id(), key.localAuthority(), key.breakdown(), key.value(), key.period(),
                    periodType, aggregate.counts(), aggregate.figures(), revision, aggregate.asOf());
        }
    }

    /** An aggregate as shown: its counts, the figures derived from them, its revision and the moment it holds at. */
    public record Shown(String measure, String localAuthority, Breakdown breakdown, String value, String period,
            Period.Type periodType, Map<String, Long> counts, Map<String, Double> figures, long revision,
            Instant asOf) {
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
        BoardCount.Key k = aggregate.key();
        // identifiers repeat across thousands of aggregates: keep one copy of each
        BoardCount.Key key = new BoardCount.Key(k.measure(), k.localAuthority().intern(), k.breakdown(),
                k.value().intern(), k.period().intern());
        Map<String, Long> counts = new java.util.TreeMap<>();
        aggregate.counts().forEach((bucket, n) -> counts.put(bucket.intern(), n));
        Held next = new Held(new BoardCount.Aggregate(key, java.util.Collections.unmodifiableMap(counts),
                aggregate.asOf()), Period.parse(key.period()).type(), revision);
        boolean[] changed = {false};
        aggregates.compute(key.id(), (id, held) -> {
            if (held != null && held.revision() >= revision) {
                return held;
            }
            changed[0] = true;
            return next;
        });
        if (changed[0] && !listeners.isEmpty()) {
            Shown shown = next.shown();
            listeners.forEach(l -> l.accept(shown));
        }
        return changed[0];
    }

    /** The aggregates answering the question, by value then period. */
    public List<Shown> ask(Question q) {
        String prefix = String.join("|", q.measure().id(), q.localAuthority(), q.breakdown().name(), "");
        String from = q.value() == null ? prefix : prefix + q.value() + "|";
        List<Shown> found = new ArrayList<>();
        for (Held held : aggregates.subMap(from, from + Character.MAX_VALUE).values()) {
            String period = held.aggregate().key().period();
            if (q.period() != null && !q.period().equals(period)
                    || q.periodType() != null && q.periodType() != held.periodType()
                    || q.from() != null && period.compareTo(q.from()) < 0
                    || q.to() != null && period.compareTo(q.to()) > 0
                    || held.aggregate().counts().isEmpty()) {
                continue;
            }
            found.add(held.shown());
        }
        return found;
    }

    /** Every aggregate of the council the view holds, by period key then aggregate id, with its revision. */
    public Map<String, Map<String, AggregateStream.Revision>> ofCouncil(String localAuthority) {
        Map<String, Map<String, AggregateStream.Revision>> byPeriod = new java.util.HashMap<>();
        for (Measure measure : Measure.values()) {
            for (Breakdown breakdown : Breakdown.values()) {
                String prefix = String.join("|", measure.id(), localAuthority, breakdown.name(), "");
                aggregates.subMap(prefix, prefix + Character.MAX_VALUE).forEach((id, held) -> byPeriod
                        .computeIfAbsent(held.aggregate().key().period(), p -> new java.util.HashMap<>())
                        .put(id, new AggregateStream.Revision(held.aggregate(), held.revision())));
            }
        }
        return byPeriod;
    }

    /** The values seen under a breakdown of a council (the teams, services, cohorts or auditors to filter by). */
    public List<String> values(String localAuthority, Breakdown breakdown) {
        String prefix = String.join("|", Measure.FINAL_GRADES.id(), localAuthority, breakdown.name(), "");
        java.util.TreeSet<String> values = new java.util.TreeSet<>();
        aggregates.subMap(prefix, prefix + Character.MAX_VALUE).values()
                .forEach(h -> values.add(h.aggregate().key().value()));
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
