package uk.caseqa.audit.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random but reproducible selection and allocation of a cycle's cases. The eligible population (sorted by case id)
 * and the seed are recorded, so the QA team can show how each case was chosen: the same seed over the same
 * population gives the same cases. Cases are drawn across teams in turn, so no team carries the sample; each is
 * given to the least-loaded auditor the programme allows.
 */
public final class Selection {

    /** One chosen case and its auditor (null when none could be found, with the reason). */
    public record Allocation(String caseId, String teamId, String auditorId, String reason) {
    }

    /** What a cycle's selection drew and why. */
    public record Outcome(String cycleKey, long seed, List<String> eligible, Map<String, String> excluded,
            List<Allocation> allocations) {
    }

    private Selection() {
    }

    public static Outcome draw(AuditProgramme programme, String cycleKey, long seed, LocalDate today,
            List<CaseFile> cases, List<Auditor> auditors) {
        List<uk.caseqa.contracts.Cohort> cohorts = programme.cohortsOf(cycleKey);
        Map<String, String> excluded = new LinkedHashMap<>();
        List<CaseFile> eligible = new ArrayList<>();
        for (CaseFile file : cases.stream().sorted(Comparator.comparing(f -> f.record().caseId())).toList()) {
            String why = ineligibility(programme, cohorts, today, file);
            if (why == null) {
                eligible.add(file);
            } else {
                excluded.put(file.record().caseId(), why);
            }
        }
        List<CaseFile> shuffled = new ArrayList<>(eligible);
        java.util.Collections.shuffle(shuffled, new Random(seed));
        Map<String, List<CaseFile>> byTeam = new LinkedHashMap<>();
        shuffled.forEach(f -> byTeam.computeIfAbsent(f.record().teamId(), t -> new ArrayList<>()).add(f));
        List<CaseFile> chosen = new ArrayList<>();
        while (chosen.size() < programme.sampleSize() && byTeam.values().stream().anyMatch(l -> !l.isEmpty())) {
            for (List<CaseFile> team : byTeam.values()) {
                if (!team.isEmpty() && chosen.size() < programme.sampleSize()) {
                    chosen.add(team.remove(0));
                }
            }
        }
        Map<String, Integer> load = new HashMap<>();
        auditors.forEach(a -> load.put(a.staffId(), a.auditsThisCycle()));
        List<Allocation> allocations = chosen.stream().map(f -> allocate(programme, f.record(), auditors, load)).toList();
        return new Outcome(cycleKey, seed, eligible.stream().map(f -> f.record().caseId()).toList(), excluded,
                allocations);
    }

    private static String ineligibility(AuditProgramme programme, List<uk.caseqa.contracts.Cohort> cohorts,
            LocalDate today, CaseFile file) {
        if (!file.open()) {
            return "closed";
        }
        if (!cohorts.contains(file.record().cohort())) {
            return file.record().cohort() + " is not sampled in this cycle";
        }
        Integer months = programme.minimumOpenMonths().get(file.record().cohort());
        if (months != null && file.openedOn().plusMonths(months).isAfter(today)) {
            return "open less than " + months + " months";
        }
        if (file.lastAuditedOn() != null
                && file.lastAuditedOn().plusMonths(programme.notAuditedWithinMonths()).isAfter(today)) {
            return "audited in the last " + programme.notAuditedWithinMonths() + " months";
        }
        return null;
    }

    private static Allocation allocate(AuditProgramme programme, CaseRecord auditedCase, List<Auditor> auditors,
            Map<String, Integer> load) {
        var candidate = auditors.stream()
                .filter(a -> programme.auditorRoles().contains(a.role()))
                .filter(a -> !a.staffId().equals(auditedCase.socialWorkerId()))
                .filter(a -> switch (programme.auditorRule()) {
                    case ANY -> true;
                    case OWN_TEAM -> a.teamId() != null && a.teamId().equals(auditedCase.teamId());
                    case OTHER_TEAM -> a.teamId() == null || !a.teamId().equals(auditedCase.teamId());
                })
                .filter(a -> load.get(a.staffId()) < programme.maxAuditsPerAuditor())
                .min(Comparator.comparing((Auditor a) -> load.get(a.staffId())).thenComparing(Auditor::staffId));
        if (candidate.isEmpty()) {
            return new Allocation(auditedCase.caseId(), auditedCase.teamId(), null,
                    "no auditor available under " + programme.auditorRule() + " with fewer than "
                            + programme.maxAuditsPerAuditor() + " audits this cycle");
        }
        Auditor auditor = candidate.get();
        load.merge(auditor.staffId(), 1, Integer::sum);
        return new Allocation(auditedCase.caseId(), auditedCase.teamId(), auditor.staffId(),
                programme.auditorRule() + ", least loaded (" + (load.get(auditor.staffId()) - 1) + " before)");
    }
}
