package uk.caseqa.chaos;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.web.client.RestClient;
import uk.caseqa.contracts.CaseOpened;
import uk.caseqa.contracts.Cohort;
import uk.caseqa.contracts.EventEnvelope;
import uk.caseqa.contracts.EventPayload;
import uk.caseqa.contracts.StaffMemberRegistered;
import uk.caseqa.contracts.StaffRole;
import uk.caseqa.launcher.DemoJourney;
import uk.caseqa.launcher.PlatformService;
import uk.caseqa.testsupport.TopicProbe;
import uk.caseqa.testsupport.TestIssuer;

/**
 * What the staff of three councils do, over the services' REST APIs, while services die under them: each step reads
 * where the audit stands and does the next thing, so a request whose answer was lost in a kill is simply looked at
 * again (an allocation, the one step that is not idempotent, is done before the kills begin).
 */
final class Workload {

    static final Duration STEP_WITHIN = Duration.ofMinutes(4);
    static final List<String> GRADES = List.of("INADEQUATE", "REQUIRES_IMPROVEMENT", "GOOD", "INADEQUATE",
            "OUTSTANDING", "REQUIRES_IMPROVEMENT");

    /**
     * A council as the workload uses it: who allocates, whether a QA panel closes its audits, whether the IRO is
     * asked to comment within 72 hours, whether Requires Improvement schedules a short audit, and who is emailed when
     * a case of concern opens (from its profiles).
     */
    record Council(String id, String suffix, String allocator, StaffRole allocatorRole, boolean panel,
            boolean iroWindow, boolean requiresImprovementShortAudit, List<String> toldOfCaseOfConcern) {

        String staff(String role) {
            return "staff-" + role + "-" + suffix;
        }

        String email(String staffId) {
            return staffId.replaceFirst("^staff-", "") + "@" + id + ".example";
        }
    }

    static final List<Council> COUNCILS = List.of(
            new Council("swindon", "s", "staff-qa-s", StaffRole.QA_MANAGER, true, true, false, List.of("sm")),
            new Council("bolton", "b", "staff-ql-b", StaffRole.QA_LEAD, false, false, false, List.of("sm", "hos")),
            new Council("wandsworth", "w", "staff-hoss-w", StaffRole.HEAD_OF_SAFEGUARDING_STANDARDS, false, false,
                    true, List.of("sm", "hoss")));

    /** An audit acknowledged by audit-service, and the grade its auditor will give. */
    record Audit(Council council, String caseId, String auditId, String grade) {
    }

    private final ChaosPlatform platform;
    private final TopicProbe topics;
    private final Map<String, String> panels = new java.util.concurrent.ConcurrentHashMap<>();
    /** The ids of the events the HR and case systems sent twice on purpose. */
    final java.util.Set<String> upstreamEventIds = new java.util.HashSet<>();

    Workload(ChaosPlatform platform, TopicProbe topics) {
        this.platform = platform;
        this.topics = topics;
    }

    /** Staff and cases, as the HR and case-management systems publish them; every event is sent twice. */
    void publishStaffAndCases(int casesPerCouncil) {
        for (Council council : COUNCILS) {
            staff(council, council.allocator(), council.allocatorRole());
            staff(council, council.staff("tm"), StaffRole.TEAM_MANAGER);
            staff(council, council.staff("sw"), StaffRole.SOCIAL_WORKER);
            staff(council, council.staff("sm"), StaffRole.SERVICE_MANAGER);
            staff(council, council.staff("hos"), StaffRole.HEAD_OF_SERVICE);
            staff(council, council.staff("iro"), StaffRole.IRO);
            for (int i = 1; i <= casesPerCouncil; i++) {
                String caseId = caseId(council, i);
                send(council, caseId, new CaseOpened(caseId, i % 2 == 0 ? Cohort.CP : Cohort.CIN,
                        "svc-" + council.suffix(), "team-" + council.suffix(), council.staff("sw"), council.staff("tm"),
                        council.staff("sm"), council.staff("iro")));
            }
        }
    }

    static String caseId(Council council, int i) {
        return "case-" + council.suffix() + "-" + i;
    }

    private void staff(Council council, String staffId, StaffRole role) {
        send(council, staffId, new StaffMemberRegistered(staffId, role, "team-" + council.suffix(),
                council.email(staffId), null, null, "svc-" + council.suffix()));
    }

    private final java.util.concurrent.atomic.AtomicInteger newcomers = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * A burst of new social workers registered by the HR system (each event sent once), so a service killed just
     * after it is killed with records read but not yet committed: what it consumed is delivered again on restart.
     */
    void burstOfNewStaff(int count) {
        for (int i = 0; i < count; i++) {
            Council council = COUNCILS.get(i % COUNCILS.size());
            String staffId = "staff-new-" + council.suffix() + "-" + newcomers.incrementAndGet();
            topics.send(EventEnvelope.of(UUID.randomUUID().toString(), "urn:caseqa:chaos", Instant.now(), staffId,
                    council.id(), "chaos-" + staffId, new StaffMemberRegistered(staffId, StaffRole.SOCIAL_WORKER,
                            "team-" + council.suffix(), council.email(staffId), null, null, "svc-" + council.suffix())));
        }
    }

    private void send(Council council, String subject, EventPayload data) {
        String id = UUID.nameUUIDFromBytes((council.id() + "/" + subject + "/" + UUID.randomUUID())
                .getBytes(StandardCharsets.UTF_8)).toString();
        EventEnvelope<EventPayload> event = EventEnvelope.of(id, "urn:caseqa:chaos", Instant.now(), subject,
                council.id(), "chaos-" + subject, data);
        topics.send(event);
        topics.send(event); // the case system resends: same event id, the consumers' duplicate path
        upstreamEventIds.add(id);
    }

    /** Allocates one audit per case, interleaving the councils; returns them as acknowledged. */
    List<Audit> allocate(int casesPerCouncil) {
        List<Audit> audits = new ArrayList<>();
        for (int i = 1; i <= casesPerCouncil; i++) {
            for (Council council : COUNCILS) {
                String caseId = caseId(council, i);
                Map<?, ?> allocated = retry("allocate " + caseId, () -> audit(council).post().uri("/audits")
                        .body(Map.of("caseId", caseId, "auditorId", council.staff("tm"))).retrieve().body(Map.class));
                audits.add(new Audit(council, caseId, (String) allocated.get("auditId"),
                        GRADES.get((audits.size()) % GRADES.size())));
            }
        }
        return audits;
    }

    /** The auditor submits the form, unless it was submitted already (an answer lost in a kill). */
    void submit(Audit audit) {
        submit(audit, null);
    }

    /** The same, the request carrying a W3C {@code traceparent} (the trace a browser or gateway began), if given. */
    void submit(Audit audit, String traceParent) {
        retry("submit " + audit.auditId(), () -> {
            Map<?, ?> current = audit(audit.council()).get().uri("/audits/{id}", audit.auditId()).retrieve()
                    .body(Map.class);
            if ("ALLOCATED".equals(current.get("status"))) {
                String auditor = TestIssuer.bearerOf(audit.council().id(), audit.council().staff("tm"), "AUDITOR",
                        "TEAM_MANAGER");
                audit(audit.council()).post().uri("/audits/{id}/submission", audit.auditId())
                        .header("Authorization", auditor)
                        .headers(h -> {
                            if (traceParent != null) {
                                h.set("traceparent", traceParent);
                            }
                        })
                        .body(Map.of("domainGrades", DemoJourney.everyDomain(audit(audit.council()), auditor,
                                        audit.auditId(), audit.grade(), Map.of()),
                                "overallGrade", audit.grade(), "rationale", "Graded with the social worker.",
                                "familyFeedback", Map.of("respondentType", "PARENT", "wantsToHearWhatChanged", true),
                                "otherFeedback", List.of(
                                        Map.of("from", "PRACTITIONER", "summary", "The family are engaging."),
                                        Map.of("from", "PROFESSIONAL", "who", "health visitor",
                                                "summary", "Sees progress."))))
                        .retrieve().toBodilessEntity();
            }
            return true;
        });
    }

    /**
     * Takes the audit through moderation (the assigned moderator agrees), the council's QA panel where it has one
     * (accepted, then closed by the QA manager) until moderation-service reports it closed.
     */
    void moderateAndClose(Audit audit) {
        retry("moderate and close " + audit.auditId(), () -> {
            Council council = audit.council();
            Map<?, ?> moderation = moderation(council).get().uri("/moderations/{id}", audit.auditId()).retrieve()
                    .body(Map.class);
            String status = String.valueOf(moderation.get("status"));
            switch (status) {
                case "AWAITING_DECISION" -> moderation(council).post()
                        .uri("/moderations/{id}/decision", audit.auditId())
                        .header("Authorization", TestIssuer.bearerOf(council.id(),
                                (String) moderation.get("moderatorId"), "MODERATOR"))
                        .body(Map.of("rationale", "Agree.")).retrieve().toBodilessEntity();
                case "AWAITING_PANEL" -> moderation(council).post().uri("/panels/{p}/audits/{a}/acceptance",
                                panel(council), audit.auditId())
                        .body(Map.of("findings", "Consistent grading.")).retrieve().toBodilessEntity();
                case "ACCEPTED" -> moderation(council).post().uri("/moderations/{id}/close", audit.auditId())
                        .retrieve().toBodilessEntity();
                case "CLOSED" -> {
                    return true;
                }
                default -> { }
            }
            throw new IllegalStateException(audit.auditId() + " is " + status + ": not closed yet");
        });
    }

    private String panel(Council council) {
        return panels.computeIfAbsent(council.id(), id -> (String) moderation(council).post().uri("/panels")
                .body(Map.of("localAuthority", id, "date", LocalDate.now().toString(),
                        "members", List.of(council.allocator(), council.staff("sm"))))
                .retrieve().body(Map.class).get("panelId"));
    }

    /** As the council's QA manager (who also sits on its panel), with a token of the test issuer. */
    private RestClient audit(Council council) {
        return RestClient.builder().baseUrl(platform.url(PlatformService.AUDIT))
                .defaultHeader("Authorization", qa(council)).build();
    }

    private RestClient moderation(Council council) {
        return RestClient.builder().baseUrl(platform.url(PlatformService.MODERATION))
                .defaultHeader("Authorization", qa(council)).build();
    }

    static String qa(Council council) {
        return TestIssuer.bearerOf(council.id(), council.allocator(), "QA_TEAM", "PANEL_MEMBER");
    }

    /** Tries until the step succeeds: a service being killed or restarting answers nothing, or an error. */
    static <T> T retry(String step, Supplier<T> attempt) {
        return org.awaitility.Awaitility.await(step).atMost(STEP_WITHIN).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(attempt::get, result -> result != null);
    }
}
