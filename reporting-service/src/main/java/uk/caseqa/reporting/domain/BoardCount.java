package uk.caseqa.reporting.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import uk.caseqa.contracts.ActionClosed;
import uk.caseqa.contracts.AuditType;
import uk.caseqa.contracts.Grade;

/**
 * Counts every measure of one council and period from its records, as they stood at the period's end (or now,
 * while it runs): the only place figures are made, for the live aggregates, the dashboard's drill-down and the board
 * packs alike. A pure function of the records, so counting again gives the same figures.
 */
public final class BoardCount {

    private BoardCount() {
    }

    /** The identity of an aggregate: measure, council, breakdown and its value, period. */
    public record Key(Measure measure, String localAuthority, Breakdown breakdown, String value, String period) {
        public String id() {
            return String.join("|", measure.id(), localAuthority, breakdown.name(), value, period);
        }

        public static Key parse(String id) {
            String[] p = id.split("\\|", -1);
            if (p.length != 5) {
                throw new IllegalArgumentException("aggregate id: '" + id + "' is not measure|council|breakdown|value|period");
            }
            return new Key(Measure.ofId(p[0]), p[1], Breakdown.valueOf(p[2]), p[3], p[4]);
        }
    }

    /** One aggregate: the counts of one measure under one key, as they stood at {@code asOf}. */
    public record Aggregate(Key key, Map<String, Long> counts, Instant asOf) {
        public Map<String, Double> figures() {
            return key.measure().figures(counts);
        }
    }

    /** What one record adds to each measure, bucket by bucket. */
    public static final class Tally {
        private final Map<Measure, Map<String, Long>> counts = new EnumMap<>(Measure.class);

        void add(Measure measure, String bucket) {
            counts.computeIfAbsent(measure, m -> new TreeMap<>()).merge(bucket, 1L, Long::sum);
        }

        public Map<Measure, Map<String, Long>> counts() {
            return counts;
        }
    }

    /** A record of any kind, with the tally it adds at a moment, and the values it is counted under. */
    public record Counted(String kind, String id, Tally tally, Map<Breakdown, String> values) {
    }

    /** Every aggregate of the council in the period, sorted by id. */
    public static List<Aggregate> count(String localAuthority, Period period, Instant now,
            Iterable<AuditRecord> audits, Iterable<ConcernRecord> concerns, Iterable<FollowUpRecord> followUps) {
        Instant asOf = period.asOf(now);
        // by key, not by the key's id: a council's count at 100,000 records joined an id string (and made a lambda)
        // for every measure and breakdown of every record, a tenth of what the platform allocated
        // (docs/performance.md); in the order first counted, so that two keys of one id merge as they always did
        Map<Key, Aggregate> aggregates = new java.util.LinkedHashMap<>();
        eachCounted(period, now, audits, concerns, followUps, counted -> {
            for (Map.Entry<Measure, Map<String, Long>> tallied : counted.tally().counts().entrySet()) {
                Measure measure = tallied.getKey();
                for (Breakdown breakdown : measure.breakdowns()) {
                    String value = counted.values().get(breakdown);
                    if (value == null || !breakdown.countedFor(period.type())) {
                        continue;
                    }
                    Key key = new Key(measure, localAuthority, breakdown, value, period.key());
                    Aggregate aggregate = aggregates.get(key);
                    if (aggregate == null) {
                        aggregate = new Aggregate(key, new TreeMap<>(), asOf);
                        aggregates.put(key, aggregate);
                    }
                    for (Map.Entry<String, Long> bucket : tallied.getValue().entrySet()) {
                        aggregate.counts().merge(bucket.getKey(), bucket.getValue(), Long::sum);
                    }
                }
            }
        });
        Map<String, Aggregate> byId = new TreeMap<>();
        for (Aggregate aggregate : aggregates.values()) {
            byId.merge(aggregate.key().id(), aggregate, (one, same) -> {
                same.counts().forEach((bucket, n) -> one.counts().merge(bucket, n, Long::sum));
                return one; // two keys with one id (a value holding '|') are one aggregate, as they always were
            });
        }
        return List.copyOf(byId.values());
    }

    /** Each record counted in the period, with what it adds: the audits (and others) behind every figure. */
    public static List<Counted> counted(Period period, Instant now, Iterable<AuditRecord> audits,
            Iterable<ConcernRecord> concerns, Iterable<FollowUpRecord> followUps) {
        List<Counted> all = new ArrayList<>();
        eachCounted(period, now, audits, concerns, followUps, all::add);
        return all;
    }

    /**
     * Each record counted in the period, one at a time: a count keeps the aggregates, not a tally of every record (at
     * 100,000 records a list of them lived long enough for the collector to move it to the old generation).
     */
    private static void eachCounted(Period period, Instant now, Iterable<AuditRecord> audits,
            Iterable<ConcernRecord> concerns, Iterable<FollowUpRecord> followUps,
            java.util.function.Consumer<Counted> into) {
        Instant asOf = period.asOf(now);
        for (AuditRecord audit : audits) {
            if (audit.countsIn(period, asOf)) {
                into.accept(new Counted("audit", audit.auditId(), audit(audit, asOf), values(audit::valueFor)));
            }
        }
        for (ConcernRecord concern : concerns) {
            if (concern.countsIn(period) && concern.openedBy(asOf)) {
                into.accept(new Counted("case-of-concern", concern.caseOfConcernId(), concern(concern, asOf),
                        values(concern::valueFor)));
            }
        }
        for (FollowUpRecord followUp : followUps) {
            if (followUp.countsIn(period)) {
                into.accept(new Counted("follow-up", followUp.followUpId(), followUp(followUp, asOf),
                        Map.of(Breakdown.COUNCIL, followUp.localAuthority())));
            }
        }
    }

    private static Map<Breakdown, String> values(java.util.function.Function<Breakdown, String> valueFor) {
        Map<Breakdown, String> values = new EnumMap<>(Breakdown.class);
        for (Breakdown b : Breakdown.values()) {
            String v = valueFor.apply(b);
            if (v != null) {
                values.put(b, v);
            }
        }
        return values;
    }

    /** Audit types that answer a follow-up: counted under follow-ups. */
    private static final Set<AuditType> FOLLOW_UP_TYPES = EnumSet.of(AuditType.SHORT, AuditType.DIP_SAMPLE,
            AuditType.CASELOAD);

    /** Short audits, dip samples, thematic work and practice weeks are not moderated: never counted as waiting. */
    private static void moderation(Tally tally, AuditRecord audit, AuditRecord.Decision decision, Instant asOf) {
        if (decision != null) {
            tally.add(Measure.MODERATION, "MODERATED");
            tally.add(Measure.MODERATION, decision.change().name());
            tally.add(Measure.MODERATION, decision.auditorGrade().name() + ">" + decision.finalGrade().name());
        } else if (audit.waivedAt() != null && !audit.waivedAt().isAfter(asOf)) {
            tally.add(Measure.MODERATION, "NOT_MODERATED");
        } else {
            tally.add(Measure.MODERATION, "AWAITING");
        }
    }

    static Tally audit(AuditRecord audit, Instant asOf) {
        Tally tally = new Tally();
        clock(tally, "AUDIT_COMPLETION", audit.completion(), asOf);
        if (!audit.completedBy(asOf)) {
            return tally;
        }
        AuditRecord.Submission submission = audit.submissionAt(asOf);
        Grade finalGrade = audit.finalGradeAt(asOf);
        AuditRecord.Decision decision = audit.decisionAt(asOf);
        AuditType type = audit.about().auditType() == null ? AuditType.FULL
                : AuditType.valueOf(audit.about().auditType());
        boolean full = type == AuditType.FULL;
        if (full) {
            tally.add(Measure.FINAL_GRADES, finalGrade == null ? "AWAITING_MODERATION" : finalGrade.name());
            if (finalGrade != null) {
                Grade auditorGrade = decision != null ? decision.auditorGrade() : submission.grade();
                tally.add(Measure.AUDITOR_VS_FINAL, auditorGrade.name() + ">" + finalGrade.name());
            }
        } else if (FOLLOW_UP_TYPES.contains(type)) {
            tally.add(Measure.FOLLOW_UPS, type + ":GRADED:"
                    + (finalGrade == null ? submission.grade() : finalGrade).name());
        } else {
            tally.add(Measure.AUDIT_ACTIVITY, type + ":GRADED:"
                    + (finalGrade == null ? submission.grade() : finalGrade).name());
        }
        if (type.moderated()) {
            moderation(tally, audit, decision, asOf);
        }
        submission.domainGrades().forEach((domain, grade) -> {
            tally.add(Measure.PRACTICE_DOMAINS, domain + ":GRADED");
            if (!grade.isAtLeastGood()) {
                tally.add(Measure.PRACTICE_DOMAINS, domain + ":BELOW_GOOD");
            }
        });
        tally.add(Measure.FAMILY_FEEDBACK, submission.familyFeedbackObtained() ? "OBTAINED"
                : "NOT_OBTAINED:" + (submission.familyFeedbackNotObtained() == null ? "OTHER"
                        : submission.familyFeedbackNotObtained().name()));
        clock(tally, "MODERATION", audit.moderation(), asOf);
        clock(tally, "IRO_COMMENTS", audit.iroComments(), asOf);
        clock(tally, "PANEL_CLOSE", audit.panelClose(), asOf);
        for (AuditRecord.ActionRecord action : audit.actions()) {
            if (action.agreedAt() == null || action.agreedAt().isAfter(asOf)) {
                continue;
            }
            tally.add(Measure.ACTIONS, "AGREED");
            boolean closed = action.clock().doneAt() != null && !action.clock().doneAt().isAfter(asOf);
            if (closed && action.outcome() != null) {
                tally.add(Measure.ACTIONS, action.outcome().name());
            } else {
                tally.add(Measure.ACTIONS, action.clock().at(asOf) == Clocked.Timeliness.OVERDUE ? "OVERDUE" : "OPEN");
            }
            if (action.verifiedAt() != null && !action.verifiedAt().isAfter(asOf)) {
                tally.add(Measure.ACTIONS, Boolean.TRUE.equals(action.confirmed()) ? "VERIFIED" : "NOT_CONFIRMED");
            }
            if (!closed || action.outcome() == ActionClosed.Outcome.COMPLETED) {
                clock(tally, "ACTIONS", action.clock(), asOf); // not done and withdrawn ones have no clock to meet
            }
        }
        return tally;
    }

    static Tally concern(ConcernRecord concern, Instant asOf) {
        Tally tally = new Tally();
        tally.add(Measure.CASES_OF_CONCERN, "OPENED");
        tally.add(Measure.CASES_OF_CONCERN, concern.closedBy(asOf) ? "CLOSED_IMPROVED" : "OPEN");
        boolean escalated = false;
        for (ConcernRecord.ReAudit reAudit : concern.reAudits()) {
            if (!reAudit.at().isAfter(asOf)) {
                escalated |= !reAudit.improved();
                if (reAudit.grade() != null) {
                    tally.add(Measure.CASES_OF_CONCERN, "REAUDIT:" + reAudit.grade().name());
                }
            }
        }
        if (escalated) {
            tally.add(Measure.CASES_OF_CONCERN, "ESCALATED");
        }
        Clocked.Timeliness plan = concern.safetyPlan().at(asOf);
        if (plan != null) {
            tally.add(Measure.CASES_OF_CONCERN, "PLAN_" + plan.name());
        }
        clock(tally, "SAFETY_PLAN", concern.safetyPlan(), asOf);
        clock(tally, "RE_AUDIT", concern.reAudit(), asOf);
        return tally;
    }

    static Tally followUp(FollowUpRecord followUp, Instant asOf) {
        Tally tally = new Tally();
        String kind = followUp.kind().name();
        tally.add(Measure.FOLLOW_UPS, kind + ":REQUESTED");
        boolean closed = followUp.clock().doneAt() != null && !followUp.clock().doneAt().isAfter(asOf);
        tally.add(Measure.FOLLOW_UPS, closed ? kind + ":CLOSED:" + followUp.outcome() : kind + ":OPEN");
        if (followUp.kind() == FollowUpRecord.Kind.SHORT_AUDIT) {
            clock(tally, "SHORT_AUDIT", followUp.clock(), asOf);
        }
        return tally;
    }

    private static void clock(Tally tally, String clock, Clocked clocked, Instant asOf) {
        Clocked.Timeliness status = clocked.at(asOf);
        if (status != null) {
            tally.add(Measure.TIMELINESS, clock + ":" + status.name());
        }
    }
}
