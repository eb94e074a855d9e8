package uk.caseqa.audit.domain;

import uk.caseqa.testsupport.ServiceConfiguration;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import uk.caseqa.contracts.Cohort;
import uk.caseqa.contracts.StaffRole;

/** Each council's programme, read from audit-service.yml, drawing a cycle from the same caseload. */
class SelectingACycleUnderEachCouncilsProgrammeTest {

    static final AuditProgrammes PROGRAMMES = programmes();
    static final LocalDate JANUARY = LocalDate.of(2027, 1, 15);

    static AuditProgrammes programmes() {
        return new AuditProgrammes(ServiceConfiguration.of("audit-service.yml")
                .bind("caseqa.audit.programmes", Bindable.listOf(AuditProgramme.class)));
    }

    /** 60 open cases: three teams, every cohort, some opened lately, some audited lately. */
    static List<CaseFile> caseload(String council) {
        return caseload(council, JANUARY);
    }

    static List<CaseFile> caseload(String council, LocalDate today) {
        List<CaseFile> files = new ArrayList<>();
        Cohort[] cohorts = Cohort.values();
        for (int i = 0; i < 60; i++) {
            String team = "team-" + (i % 3);
            CaseRecord record = new CaseRecord("case-" + String.format("%02d", i), council, cohorts[i % cohorts.length],
                    "svc-1", team, "staff-sw-" + (i % 6), "staff-tm-" + (i % 3), "staff-sm-1", "staff-iro-1");
            LocalDate opened = i % 10 == 0 ? today.minusWeeks(3) : today.minusYears(1);
            LocalDate lastAudited = i % 7 == 0 ? today.minusMonths(5) : null;
            files.add(new CaseFile(record, opened, i % 13 != 12, lastAudited));
        }
        return files;
    }

    static List<Auditor> auditors() {
        return List.of(new Auditor("staff-tm-0", StaffRole.TEAM_MANAGER, "team-0", 0),
                new Auditor("staff-tm-1", StaffRole.TEAM_MANAGER, "team-1", 0),
                new Auditor("staff-tm-2", StaffRole.TEAM_MANAGER, "team-2", 0),
                new Auditor("staff-atm-0", StaffRole.ASSISTANT_TEAM_MANAGER, "team-0", 0),
                new Auditor("staff-iro-1", StaffRole.IRO, null, 0));
    }

    static Selection.Outcome draw(String council, long seed) {
        return draw(council, seed, JANUARY);
    }

    static Selection.Outcome draw(String council, long seed, LocalDate today) {
        AuditProgramme programme = PROGRAMMES.inForce(council, today);
        return Selection.draw(programme, programme.cycleOf(today), seed, today, caseload(council, today), auditors());
    }

    @Test
    void swindonSamplesThisMonthsCohortsOnlyLeavesOutRecentlyAuditedAndItsManagersAuditWithinTheTeam() {
        LocalDate january2023 = LocalDate.of(2023, 1, 16);
        assertThat(PROGRAMMES.inForce("swindon", january2023).id()).isEqualTo("swindon-2019");
        Selection.Outcome outcome = draw("swindon", 42, january2023);
        Map<String, CaseFile> cases = caseload("swindon", january2023).stream()
                .collect(Collectors.toMap(f -> f.record().caseId(), f -> f));

        assertThat(outcome.cycleKey()).isEqualTo("2023-01");
        assertThat(outcome.eligible()).allSatisfy(id -> {
            CaseFile file = cases.get(id);
            assertThat(file.record().cohort()).isIn(Cohort.CP, Cohort.CIN);
            assertThat(file.open()).isTrue();
            assertThat(file.lastAuditedOn()).isNull();
        });
        assertThat(outcome.excluded()).containsValue("audited in the last 12 months")
                .containsValue("CLA is not sampled in this cycle")
                .as("Early Help records have their own programme (000 §5)")
                .containsValue("EARLY_HELP is not sampled in this cycle");
        assertThat(outcome.allocations()).isNotEmpty().allSatisfy(a -> {
            assertThat(a.auditorId()).isNotNull();
            assertThat(a.auditorId()).isNotEqualTo(cases.get(a.caseId()).record().socialWorkerId());
        });
        // 000: a team manager or assistant team manager of the case's team audits; the IRO moderates instead
        assertThat(outcome.allocations()).allSatisfy(a -> {
            Auditor auditor = auditors().stream().filter(x -> x.staffId().equals(a.auditorId())).findFirst()
                    .orElseThrow();
            assertThat(auditor.role()).isIn(StaffRole.TEAM_MANAGER, StaffRole.ASSISTANT_TEAM_MANAGER);
            assertThat(auditor.teamId()).isEqualTo(a.teamId());
        });
    }

    @Test
    void swindon2019NeverMakesAnIroOrCpChairTheFirstAuditorEvenInTheirOwnTeam() {
        LocalDate january2023 = LocalDate.of(2023, 1, 16);
        AuditProgramme programme = PROGRAMMES.inForce("swindon", january2023);
        List<Auditor> auditors = List.of(new Auditor("staff-iro-0", StaffRole.IRO, "team-0", 0),
                new Auditor("staff-cpc-1", StaffRole.CP_CHAIR, "team-1", 0),
                new Auditor("staff-tm-2", StaffRole.TEAM_MANAGER, "team-2", 0));

        Selection.Outcome outcome = Selection.draw(programme, programme.cycleOf(january2023), 42, january2023,
                caseload("swindon", january2023), auditors);

        assertThat(outcome.allocations()).extracting(Selection.Allocation::auditorId)
                .doesNotContain("staff-iro-0", "staff-cpc-1").contains("staff-tm-2");
    }

    @Test
    void swindonsEarlyHelpProgrammeSamplesEarlyHelpRecordsOpenTwoMonthsForItsCoordinatorsAndManagers() {
        AuditProgramme earlyHelp = PROGRAMMES.inForce("swindon", uk.caseqa.contracts.AuditType.EARLY_HELP, JANUARY);
        List<Auditor> earlyHelpStaff = List.of(
                new Auditor("staff-ehc-1", StaffRole.EARLY_HELP_COORDINATOR, "team-eh", 0),
                new Auditor("staff-ehm-1", StaffRole.EARLY_HELP_OPERATIONAL_MANAGER, "team-eh", 0),
                new Auditor("staff-tm-0", StaffRole.TEAM_MANAGER, "team-0", 0));

        Selection.Outcome outcome = Selection.draw(earlyHelp, earlyHelp.cycleOf(JANUARY), 5, JANUARY,
                caseload("swindon"), earlyHelpStaff);
        Map<String, CaseFile> cases = caseload("swindon").stream()
                .collect(Collectors.toMap(f -> f.record().caseId(), f -> f));

        assertThat(earlyHelp.id()).isEqualTo("swindon-early-help-2024");
        assertThat(earlyHelp.runBy()).containsExactly(StaffRole.STRATEGIC_LEAD_EARLY_HELP);
        assertThat(outcome.allocations()).isNotEmpty().allSatisfy(a -> {
            assertThat(cases.get(a.caseId()).record().cohort()).isEqualTo(Cohort.EARLY_HELP);
            assertThat(cases.get(a.caseId()).openedOn()).isBefore(JANUARY.minusMonths(2));
            assertThat(a.auditorId()).isIn("staff-ehc-1", "staff-ehm-1");
        });
        assertThat(outcome.excluded()).containsValue("open less than 2 months");
        assertThat(PROGRAMMES.inForce("swindon", LocalDate.of(2023, 1, 16)).cohortsOf("2023-01"))
                .doesNotContain(Cohort.EARLY_HELP);
    }

    @Test
    void theSameSeedOverTheSamePopulationDrawsTheSameCasesAndAnotherSeedAnotherDraw() {
        assertThat(draw("swindon", 7)).isEqualTo(draw("swindon", 7));
        assertThat(draw("telford-and-wrekin", 7).allocations())
                .isNotEqualTo(draw("telford-and-wrekin", 8).allocations());
    }

    @Test
    void swindon2024GivesEveryTeamManagerChairReviewerManagerHeadAndDirectorOneAuditAMonth() {
        assertThat(PROGRAMMES.inForce("swindon", JANUARY).id()).isEqualTo("swindon-2024");
        AuditProgramme programme = PROGRAMMES.inForce("swindon", JANUARY);
        List<Auditor> everyone = List.of(new Auditor("staff-tm-0", StaffRole.TEAM_MANAGER, "team-0", "svc-1", 0),
                new Auditor("staff-chair-1", StaffRole.CP_CHAIR, null, null, 0),
                new Auditor("staff-iro-1", StaffRole.IRO, null, null, 0),
                new Auditor("staff-iro-2", StaffRole.IRO, null, null, 0),
                new Auditor("staff-sm-1", StaffRole.SERVICE_MANAGER, null, "svc-1", 0),
                new Auditor("staff-hos-1", StaffRole.HEAD_OF_SERVICE, null, "svc-1", 0),
                new Auditor("staff-dir-1", StaffRole.CORPORATE_DIRECTOR, null, null, 0),
                new Auditor("staff-tm-9", StaffRole.TEAM_MANAGER, "team-0", "svc-1", 1),
                new Auditor("staff-sw-0", StaffRole.SOCIAL_WORKER, "team-0", "svc-1", 0));

        Selection.Outcome outcome = Selection.draw(programme, programme.cycleOf(JANUARY), 3, JANUARY,
                caseload("swindon"), everyone);

        assertThat(outcome.allocations()).filteredOn(a -> a.caseId() != null)
                .extracting(Selection.Allocation::auditorId).as("001 §6.1.1: each completes one audit a month")
                .containsExactlyInAnyOrder("staff-tm-0", "staff-chair-1", "staff-iro-2", "staff-sm-1", "staff-hos-1",
                        "staff-dir-1");
        assertThat(outcome.allocations()).extracting(Selection.Allocation::caseId).filteredOn(java.util.Objects::nonNull)
                .doesNotHaveDuplicates();
        assertThat(outcome.allocations()).filteredOn(a -> a.auditorId().equals("staff-tm-0")).singleElement()
                .satisfies(a -> assertThat(a.teamId()).isEqualTo("team-0"));
        assertThat(outcome.allocations()).filteredOn(a -> a.auditorId().equals("staff-iro-1")).singleElement()
                .as("every case of this caseload is reviewed by staff-iro-1, who does not audit their own oversight")
                .satisfies(a -> assertThat(a.reason()).contains("neither works nor reviews"));
        assertThat(Selection.draw(programme, programme.cycleOf(JANUARY), 3, JANUARY, caseload("swindon"), everyone))
                .as("reproducible from the seed").isEqualTo(outcome);
    }

    @Test
    void whenSwindonsEligibleCasesRunOutTheAuditorsLeftAreListedWithTheReason() {
        AuditProgramme programme = PROGRAMMES.inForce("swindon", JANUARY);
        List<Auditor> many = java.util.stream.IntStream.range(0, 40)
                .mapToObj(i -> new Auditor("staff-tm-x" + i, StaffRole.TEAM_MANAGER, "team-0", "svc-1", 0)).toList();

        Selection.Outcome outcome = Selection.draw(programme, programme.cycleOf(JANUARY), 3, JANUARY,
                caseload("swindon"), many);

        assertThat(outcome.allocations()).hasSize(40);
        assertThat(outcome.allocations()).filteredOn(a -> a.caseId() != null).hasSize(outcome.eligible().size());
        assertThat(outcome.allocations()).filteredOn(a -> a.caseId() == null).isNotEmpty()
                .allSatisfy(a -> assertThat(a.reason()).contains("no eligible case left"));
    }

    @Test
    void theSampleIsSharedAcrossTeamsInTurn() {
        Selection.Outcome outcome = draw("telford-and-wrekin", 11);

        Map<String, Long> perTeam = outcome.allocations().stream()
                .collect(Collectors.groupingBy(Selection.Allocation::teamId, Collectors.counting()));
        assertThat(outcome.allocations()).hasSize(10);
        assertThat(perTeam.values()).allMatch(n -> n >= 3 && n <= 4);
    }

    @Test
    void wandsworthTeamManagersPeerAuditAnotherTeamsCases() {
        Selection.Outcome outcome = draw("wandsworth", 5);

        assertThat(outcome.allocations()).isNotEmpty().allSatisfy(a -> {
            Auditor auditor = auditors().stream().filter(x -> x.staffId().equals(a.auditorId())).findFirst().orElseThrow();
            assertThat(auditor.role()).isEqualTo(StaffRole.TEAM_MANAGER);
            assertThat(auditor.teamId()).isNotEqualTo(a.teamId());
        });
    }

    @Test
    void boltonRunsSixWeeklyCyclesOverEveryCohort() {
        Selection.Outcome outcome = draw("bolton", 9);

        assertThat(outcome.cycleKey()).isEqualTo("6w-2027-01-15");
        assertThat(outcome.allocations()).hasSize(12);
        assertThat(outcome.excluded()).doesNotContainValue("CLA is not sampled in this cycle");
        assertThat(PROGRAMMES.inForce("bolton", JANUARY).cycleOf(LocalDate.of(2027, 2, 20))).isEqualTo("6w-2027-01-15");
        assertThat(PROGRAMMES.inForce("bolton", JANUARY).cycleOf(LocalDate.of(2027, 2, 26))).isEqualTo("6w-2027-02-26");
    }

    @Test
    void aNewVersionOfBoltonsProgrammeKeepsTheCyclesRunningInsteadOfStartingANewCount() {
        AuditProgramme b = PROGRAMMES.inForce("bolton", JANUARY);
        AuditProgramme revised = new AuditProgramme("bolton-2027", b.localAuthority(), LocalDate.of(2027, 2, 1),
                b.source(), b.cycle(), b.sampleSize(), b.cohortRotation(), b.minimumOpenMonths(),
                b.notAuditedWithinMonths(), b.auditorRule(), b.auditorRoles(), b.maxAuditsPerAuditor(),
                b.completionDays(), b.moderationDays(), b.requireFamilyFeedback(), b.cycleStart(),
                b.everyAuditorAudits(), b.requiredFeedback(), b.managerDipSamples(), b.auditType(), b.runBy(),
                b.practiceWeek());

        assertThat(revised.cycleOf(LocalDate.of(2027, 2, 20))).isEqualTo(b.cycleOf(LocalDate.of(2027, 2, 20)))
                .isEqualTo("6w-2027-01-15");
    }

    @Test
    void boltonsSixWeeklyCyclesRunOnAcrossTheNewYearInsteadOfRestartingOnTheFirstOfJanuary() {
        AuditProgramme bolton = PROGRAMMES.inForce("bolton", JANUARY);

        assertThat(bolton.cycleOf(LocalDate.of(2027, 1, 1))).isEqualTo(bolton.cycleOf(LocalDate.of(2026, 12, 31)))
                .isEqualTo("6w-2026-12-04");
        LocalDate day = LocalDate.of(2026, 6, 1);
        java.util.Set<LocalDate> starts = new java.util.TreeSet<>();
        for (; day.isBefore(LocalDate.of(2028, 6, 1)); day = day.plusDays(1)) {
            starts.add(LocalDate.parse(bolton.cycleOf(day).substring(3)));
        }
        LocalDate previous = null;
        for (LocalDate start : starts) {
            if (previous != null) {
                assertThat(java.time.temporal.ChronoUnit.DAYS.between(previous, start)).as("days from %s to %s", previous, start)
                        .isEqualTo(42);
            }
            previous = start;
        }
    }
}
