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
        if (programme.everyAuditorAudits()) {
            return new Outcome(cycleKey, seed, eligible.stream().map(f -> f.record().caseId()).toList(), excluded,
                    onePerAuditor(programme, seed, shuffled, auditors));
        }
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

    /**
     * Every eligible auditor with no audit yet this cycle is given one case (001 §6.1.1), in an order drawn from the
     * seed: a case of their own team if one is left, else of their service, else any; never a case they work or are
     * the IRO / CP chair of (the product's choice: an independent reviewer does not grade their own oversight).
     * Auditors left over when the eligible cases run out are listed with the reason.
     */
    private static List<Allocation> onePerAuditor(AuditProgramme programme, long seed, List<CaseFile> shuffled,
            List<Auditor> auditors) {
        List<Auditor> order = new ArrayList<>(auditors.stream()
                .filter(a -> programme.auditorRoles().contains(a.role()))
                .filter(a -> a.auditsThisCycle() < programme.maxAuditsPerAuditor())
                .sorted(Comparator.comparing(Auditor::staffId)).toList());
        java.util.Collections.shuffle(order, new Random(~seed));
        List<CaseFile> left = new ArrayList<>(shuffled);
        List<Allocation> allocations = new ArrayList<>();
        for (Auditor auditor : order) {
            List<CaseFile> allowed = left.stream().filter(f -> !auditor.staffId().equals(f.record().socialWorkerId())
                    && !auditor.staffId().equals(f.record().iroId())).toList();
            var ownTeam = allowed.stream().filter(f -> auditor.teamId() != null
                    && auditor.teamId().equals(f.record().teamId())).findFirst();
            var ownService = allowed.stream().filter(f -> auditor.serviceId() != null
                    && auditor.serviceId().equals(f.record().serviceId())).findFirst();
            var chosen = ownTeam.map(f -> java.util.Map.entry(f, "one audit a month: a case of their own team"))
                    .or(() -> ownService.map(f -> java.util.Map.entry(f, "one audit a month: a case of their service")))
                    .or(() -> allowed.stream().findFirst().map(f -> java.util.Map.entry(f, "one audit a month")));
            if (chosen.isEmpty()) {
                allocations.add(new Allocation(null, auditor.teamId(), auditor.staffId(),
                        "no eligible case left this cycle that " + auditor.staffId() + " neither works nor reviews ("
                                + shuffled.size() + " eligible cases for " + order.size() + " auditors)"));
                continue;
            }
            CaseFile file = chosen.get().getKey();
            left.remove(file);
            allocations.add(new Allocation(file.record().caseId(), file.record().teamId(), auditor.staffId(),
                    chosen.get().getValue() + " (" + auditor.role() + ")"));
        }
        return allocations;
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
