package uk.caseqa.chaos;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.web.client.RestClient;
import uk.caseqa.contracts.EventStream;
import uk.caseqa.launcher.PlatformService;
import uk.caseqa.launcher.ServiceProcess;
import uk.caseqa.testsupport.TopicProbe;

/**
 * Expected effects against actual ones, read from where their readers find them: the topics, the SMTP server, the
 * services' REST APIs and the services' logs. Lost: an expected effect missing. Duplicated: a second, distinct effect
 * where there must be one (a second event id for one audit's case of concern, a second message to one recipient).
 * A redelivery (the same event consumed again by a service, or published again with the same id) is counted, and is
 * not a duplicate: the consumers are idempotent.
 */
final class Ledger {

    /** Events of which each subject has at most one (distinct ids): a second is a duplicated effect. */
    static final Set<String> ONCE_PER_SUBJECT = Set.of("AuditCompleted", "ModerationAssigned", "AuditModerated",
            "ModerationWaived", "AuditClosed", "AuditAcceptedByPanel", "IroCommentRequested", "IroCommentOverdue",
            "GradeInadequate", "CaseOfConcernOpened", "ReAuditScheduled", "SafetyPlanOverdue", "ReAuditOverdue",
            "ShortAuditScheduled", "DipSampleRequested");
    private static final Pattern CONSUMED = Pattern.compile(" consumed (\\S+) (\\S+) subject=");

    /**
     * {@code consumedAgain}: events consumed again by a service after a kill before its offset was committed, or a
     * rebalance; {@code upstreamConsumedAgain}: the events the case system sent twice on purpose, consumed again.
     */
    record Figures(int audits, int inadequate, int requiresImprovement, int expected, List<String> lost,
            List<String> duplicated, int consumedAgain, int upstreamConsumedAgain, int republished, int emails,
            int resentEmails, int deadLetters, List<String> deadLetterReasons) {

        int redeliveries() {
            return consumedAgain + upstreamConsumedAgain + republished;
        }
    }

    private final ChaosPlatform platform;
    private final TopicProbe topics;

    Ledger(ChaosPlatform platform, TopicProbe topics) {
        this.platform = platform;
        this.topics = topics;
    }

    Figures count(List<Workload.Audit> audits, Set<String> upstreamEventIds) throws Exception {
        List<TopicProbe.Received> records = new ArrayList<>();
        for (EventStream stream : List.of(EventStream.AUDITS, EventStream.MODERATION, EventStream.CONCERNS)) {
            records.addAll(topics.readAll(stream.topic()));
        }
        // (type, subject) -> distinct event ids; event id -> times published
        Map<String, Set<String>> ids = new HashMap<>();
        Map<String, Integer> published = new HashMap<>();
        for (TopicProbe.Received record : records) {
            var event = record.event();
            ids.computeIfAbsent(event.type() + " " + event.subject(), k -> new HashSet<>()).add(event.id());
            published.merge(event.id(), 1, Integer::sum);
        }
        List<String> lost = new ArrayList<>();
        List<String> duplicated = new ArrayList<>();
        int expected = 0;
        for (var entry : ids.entrySet()) {
            if (ONCE_PER_SUBJECT.contains(entry.getKey().split(" ")[0]) && entry.getValue().size() > 1) {
                duplicated.add(entry.getKey() + " x" + entry.getValue().size());
            }
        }
        Map<String, Map<String, Set<String>>> mail = mailBySubjectAndRecipient();
        int inadequate = 0;
        int requiresImprovement = 0;
        for (Workload.Audit audit : audits) {
            String id = audit.auditId();
            List<String> effects = new ArrayList<>(List.of("AuditCompleted " + id));
            if (audit.council().iroWindow()) {
                effects.add("IroCommentOverdue " + id);
            }
            if (audit.grade().equals("INADEQUATE")) {
                inadequate++;
                String coc = "coc-" + id;
                effects.addAll(List.of("CaseOfConcernOpened " + coc, "ReAuditScheduled " + coc,
                        "SafetyPlanOverdue " + coc, "ReAuditOverdue " + coc));
                for (String role : audit.council().toldOfCaseOfConcern()) {
                    String to = audit.council().email(audit.council().staff(role));
                    expected++;
                    if (mail.entrySet().stream().noneMatch(m -> m.getKey().startsWith("Case of concern " + coc + ":")
                            && m.getValue().containsKey(to))) {
                        lost.add("email to " + to + " about " + coc);
                    }
                }
                expected += 2;
                if (!exists(audit.council(), PlatformService.CONCERN, "/cases-of-concern/{id}", coc)) {
                    lost.add("case of concern " + coc + " (concern-service)");
                }
                if (!exists(audit.council(), PlatformService.AUDIT, "/audits/{id}", "short-" + coc + "-1")) {
                    lost.add("re-audit short-" + coc + "-1 allocated (audit-service)");
                }
            }
            if (audit.grade().equals("REQUIRES_IMPROVEMENT")) {
                requiresImprovement++;
                if (audit.council().requiresImprovementShortAudit()) {
                    effects.add("ShortAuditScheduled ri-" + id);
                }
            }
            for (String effect : effects) {
                expected++;
                if (!ids.containsKey(effect)) {
                    lost.add(effect);
                }
            }
            expected++;
            if (!closed(audit.council(), id)) {
                lost.add("audit " + id + " closed (audit-service)");
            }
        }
        int emails;
        int resent;
        for (var bySubject : mail.entrySet()) {
            for (var byRecipient : bySubject.getValue().entrySet()) {
                if (byRecipient.getValue().size() > 1) {
                    duplicated.add("emails '" + bySubject.getKey() + "' to " + byRecipient.getKey() + " x"
                            + byRecipient.getValue().size());
                }
            }
        }
        MimeMessage[] received = platform.mail.getReceivedMessages();
        emails = received.length;
        Map<String, Long> perMessageId = new HashMap<>();
        for (MimeMessage message : received) {
            perMessageId.merge(message.getMessageID() + " " + recipients(message), 1L, Long::sum);
        }
        resent = (int) perMessageId.values().stream().mapToLong(n -> n - 1).sum();
        int republished = published.values().stream().mapToInt(n -> n - 1).sum();
        List<String> deadLetterReasons = new ArrayList<>();
        int deadLetters = 0;
        for (String topic : dlqTopics()) {
            for (TopicProbe.Received record : topics.readAll(topic)) {
                deadLetters++;
                deadLetterReasons.add(topic + ": " + record.headers().get("x-exception-message"));
            }
        }
        Map<String, Integer> consumedAgain = consumedAgain();
        int upstream = consumedAgain.entrySet().stream().filter(e -> upstreamEventIds.contains(e.getKey().split(" ")[1]))
                .mapToInt(Map.Entry::getValue).sum();
        int own = consumedAgain.values().stream().mapToInt(n -> n).sum() - upstream;
        return new Figures(audits.size(), inadequate, requiresImprovement, expected, lost, duplicated, own, upstream,
                republished, emails, resent, deadLetters, deadLetterReasons);
    }

    /** subject -> recipient -> distinct Message-IDs: one message per subject and recipient. */
    private Map<String, Map<String, Set<String>>> mailBySubjectAndRecipient() throws Exception {
        Map<String, Map<String, Set<String>>> mail = new TreeMap<>();
        for (MimeMessage message : platform.mail.getReceivedMessages()) {
            mail.computeIfAbsent(message.getSubject(), k -> new TreeMap<>()).computeIfAbsent(recipients(message),
                    k -> new HashSet<>()).add(message.getMessageID());
        }
        return mail;
    }

    private static String recipients(MimeMessage message) throws jakarta.mail.MessagingException {
        return java.util.Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString)
                .sorted().collect(Collectors.joining(","));
    }

    /** (service, event id) -> times consumed beyond the first, over each service's replicas and restarts. */
    private Map<String, Integer> consumedAgain() throws IOException {
        Map<String, Integer> consumed = new HashMap<>();
        for (ServiceProcess replica : platform.replicas) {
            for (Path log : replica.logs()) {
                for (String line : Files.readAllLines(log)) {
                    Matcher m = CONSUMED.matcher(line);
                    if (m.find()) {
                        consumed.merge(replica.service().configName() + " " + m.group(2), 1, Integer::sum);
                    }
                }
            }
        }
        consumed.replaceAll((key, n) -> n - 1);
        consumed.values().removeIf(n -> n == 0);
        return consumed;
    }

    private List<String> dlqTopics() throws Exception {
        var props = new java.util.Properties();
        props.putAll(platform.adminClient());
        try (var admin = org.apache.kafka.clients.admin.Admin.create(props)) {
            return admin.listTopics().names().get().stream().filter(t -> t.endsWith(".dlq")).sorted().toList();
        }
    }

    private boolean exists(Workload.Council council, PlatformService service, String uri, String id) {
        try {
            return RestClient.create(platform.url(service)).get().uri(uri, id)
                    .header("Authorization", Workload.qa(council)).retrieve().toBodilessEntity()
                    .getStatusCode().is2xxSuccessful();
        } catch (RuntimeException notFoundOrDown) {
            return false;
        }
    }

    private boolean closed(Workload.Council council, String auditId) {
        try {
            Map<?, ?> audit = RestClient.create(platform.url(PlatformService.AUDIT)).get().uri("/audits/{id}", auditId)
                    .header("Authorization", Workload.qa(council)).retrieve().body(Map.class);
            return "CLOSED".equals(audit.get("status"));
        } catch (RuntimeException downOrMissing) {
            return false;
        }
    }
}
