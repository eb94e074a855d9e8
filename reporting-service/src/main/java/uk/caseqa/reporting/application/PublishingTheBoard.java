package uk.caseqa.reporting.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import uk.caseqa.reporting.domain.BoardCount;
import uk.caseqa.reporting.domain.Period;

/**
 * Use case: count the board again where records changed, and publish each aggregate whose counts moved. For each
 * council with changed records, the periods those records fall in (every period type) are counted from all the
 * council's records, compared with what was last published (this replica's {@link BoardView} of the compacted
 * topic), and each changed aggregate is published with a higher revision; an aggregate nobody is counted in any more
 * is published with no counts. Only then are the records marked counted (unless they changed meanwhile). A crash in
 * between counts and publishes the same figures again; the compacted topic keeps the latest. One replica counts a
 * council at a time ({@link CouncilClaims}); nothing is counted while a replay is catching up ({@link CatchUp}); the
 * counting takes at most a set share of the processor ({@link RecountPacing}), however long the history.
 */
@Service
public class PublishingTheBoard {

    private static final Logger log = LoggerFactory.getLogger(PublishingTheBoard.class);
    static final int BATCH = 5_000;
    private final BoardRecords records;
    private final BoardView published;
    private final CatchUp catchUp;
    /** What this replica published and its view may not have read back yet, by council and period, then id. */
    private final Map<String, Map<String, AggregateStream.Revision>> publishedHere =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final AggregateStream stream;
    private final CouncilClaims claims;
    private final CycleAnchors anchors;
    private final Clock clock;
    private final RecountPacing pacing;

    public PublishingTheBoard(BoardRecords records, BoardView published, AggregateStream stream,
            CouncilClaims claims, CycleAnchors anchors, Clock clock, CatchUp catchUp, RecountPacing pacing) {
        this.pacing = pacing;
        this.records = records;
        this.published = published;
        this.catchUp = catchUp;
        this.stream = stream;
        this.claims = claims;
        this.anchors = anchors;
        this.clock = clock;
    }

    /**
     * A count when one is due (the timer is an adapter's: BoardCountingSchedule, every
     * {@code caseqa.reporting.publish-interval}).
     */
    public void countWhenDue() {
        if (!pacing.due()) {
            return; // the last count was long: the board waits its turn for the processor (RecountPacing)
        }
        RecountPacing.Count count = pacing.begin();
        try {
            publishChanged(count);
        } catch (RuntimeException e) {
            log.warn("board not counted this time, will try again: {}", e.toString());
        } finally {
            pacing.counted(count);
        }
    }

    /** One pass over the records waiting to be counted; returns how many aggregates were published. */
    public int publishChanged() {
        return publishChanged(null);
    }

    /** As {@link #publishChanged()}, its reading of the records charged to {@code count} (null: unpaced). */
    private int publishChanged(RecountPacing.Count count) {
        if (!catchUp.caughtUp()) {
            return 0; // a replay in progress: the board is counted once, when it has caught up
        }
        Map<String, List<BoardRecords.Dirty>> byCouncil = new TreeMap<>();
        for (BoardRecords.Dirty dirty : records.dirty(BATCH)) {
            byCouncil.computeIfAbsent(dirty.localAuthority(), la -> new java.util.ArrayList<>()).add(dirty);
        }
        int published = 0;
        for (var council : byCouncil.entrySet()) {
            if (!claims.claim(council.getKey())) {
                continue; // another replica is counting this council; its records stay dirty until then
            }
            try {
                published += recount(council.getKey(), council.getValue(), count);
            } finally {
                claims.release(council.getKey());
            }
        }
        return published;
    }

    private int recount(String la, List<BoardRecords.Dirty> dirty, RecountPacing.Count count) {
        Set<String> periods = new TreeSet<>();
        for (BoardRecords.Dirty d : dirty) {
            for (Instant date : d.periodDates()) {
                for (Period.Type type : Period.Type.values()) {
                    periods.add(Period.containing(type, date, anchors.of(la)).key());
                }
            }
        }
        BoardRecords.CouncilRecords council = count == null ? records.load(la)
                : pacing.reading(count, () -> records.load(la));
        Map<String, Map<String, AggregateStream.Revision>> shown = published.ofCouncil(la);
        Instant now = clock.instant();
        List<AggregateStream.Revision> moved = new java.util.ArrayList<>();
        for (String key : periods) {
            Period period = Period.parse(key);
            Map<String, AggregateStream.Revision> before = latest(la, key, shown.getOrDefault(key, Map.of()));
            for (BoardCount.Aggregate counted : BoardCount.count(la, period, now, council.audits(),
                    council.concerns(), council.followUps())) {
                moved(before.remove(counted.key().id()), counted, moved);
            }
            for (AggregateStream.Revision gone : before.values()) {
                moved(gone, new BoardCount.Aggregate(gone.aggregate().key(), Map.of(), period.asOf(now)), moved);
            }
        }
        stream.publishAll(moved);
        moved.forEach(r -> publishedHere.computeIfAbsent(councilPeriod(la, r.aggregate().key().period()),
                k -> new java.util.concurrent.ConcurrentHashMap<>()).put(r.aggregate().key().id(), r));
        dirty.forEach(records::counted);
        log.info("board of {} counted again: {} records changed, {} periods, {} aggregates published", la,
                dirty.size(), periods.size(), moved.size());
        return moved.size();
    }

    /**
     * What was last published of the council's period: the view of the compacted topic, or what this replica
     * published itself and the view has not read back yet (the newer revision of the two), so a change undone before
     * the view caught up is still published.
     */
    private Map<String, AggregateStream.Revision> latest(String la, String period,
            Map<String, AggregateStream.Revision> shown) {
        Map<String, AggregateStream.Revision> latest = new java.util.HashMap<>(shown);
        Map<String, AggregateStream.Revision> mine = publishedHere.getOrDefault(councilPeriod(la, period), Map.of());
        mine.forEach((id, published) -> {
            AggregateStream.Revision seen = shown.get(id);
            if (seen != null && seen.revision() >= published.revision()) {
                mine.remove(id, published); // the view has it now
            } else {
                latest.put(id, published);
            }
        });
        return latest;
    }

    private static String councilPeriod(String la, String period) {
        return la + "|" + period;
    }

    /** Adds the aggregate if its counts differ from those last published. */
    private void moved(AggregateStream.Revision before, BoardCount.Aggregate now,
            List<AggregateStream.Revision> moved) {
        if (before != null && before.aggregate().counts().equals(now.counts())
                || before == null && now.counts().isEmpty()) {
            return;
        }
        // revisions follow the wall clock and always grow, so those counted after a rebuild from offset zero
        // supersede the ones already on the compacted topic
        long revision = Math.max(before == null ? 1 : before.revision() + 1, System.currentTimeMillis());
        moved.add(new AggregateStream.Revision(now, revision));
    }
}
