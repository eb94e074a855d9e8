package uk.caseqa.reporting.application;

import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import uk.caseqa.reporting.domain.BoardCount;
import uk.caseqa.reporting.domain.Breakdown;
import uk.caseqa.reporting.domain.Measure;
import uk.caseqa.reporting.domain.Period;

/**
 * Use case: count a council's period straight from its records, as the board packs do for any past period, and
 * name the records behind a figure (the dashboard's drill-down). Same counting as the published aggregates.
 */
@Service
public class CountingFromRecords {

    private final BoardRecords records;
    private final CycleAnchors anchors;
    private final Clock clock;

    public CountingFromRecords(BoardRecords records, CycleAnchors anchors, Clock clock) {
        this.records = records;
        this.anchors = anchors;
        this.clock = clock;
    }

    /** One record behind a figure: its kind (audit, case-of-concern, follow-up) and identifier. */
    public record Behind(String kind, String id) {
    }

    /** Every aggregate of the council in each of the periods. */
    public List<BoardCount.Aggregate> count(String localAuthority, List<Period> periods) {
        BoardRecords.CouncilRecords council = records.load(localAuthority);
        return periods.stream().flatMap(p -> BoardCount.count(localAuthority, p, clock.instant(), council.audits(),
                council.concerns(), council.followUps()).stream()).toList();
    }

    /** The records counted in {@code bucket} of the measure, under the breakdown's value, in the period. */
    public List<Behind> behind(String localAuthority, Measure measure, Breakdown breakdown, String value,
            Period period, String bucket) {
        BoardRecords.CouncilRecords council = records.load(localAuthority);
        String under = value == null ? localAuthority : value;
        return BoardCount.counted(period, clock.instant(), council.audits(), council.concerns(), council.followUps())
                .stream()
                .filter(c -> under.equals(c.values().get(breakdown)))
                .filter(c -> c.tally().counts().getOrDefault(measure, java.util.Map.of()).containsKey(bucket))
                .map(c -> new Behind(c.kind(), c.id())).sorted(java.util.Comparator.comparing(Behind::id)).toList();
    }

    /** The period with this key, and the ones before it: a trend of {@code count} periods ending with it. */
    public List<Period> trend(String localAuthority, String periodKey, int count) {
        List<Period> periods = new java.util.ArrayList<>();
        Period p = Period.parse(periodKey);
        for (int i = 0; i < count; i++) {
            periods.add(0, p);
            p = p.previous(anchors.of(localAuthority));
        }
        return periods;
    }
}
