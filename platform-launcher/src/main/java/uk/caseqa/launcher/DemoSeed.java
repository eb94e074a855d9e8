package uk.caseqa.launcher;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import uk.caseqa.identity.Bearers;
import uk.caseqa.identity.LocalAuthorizationServer;
import uk.caseqa.kafka.access.BrokerSignIn;

/**
 * docker-compose's {@code seed} step ({@code --seed-demo}): the embedded run's demo data for a deployment already
 * running, over the same doors a council's systems and staff use. The demo council's HR and case systems publish
 * five members of staff and one open case on Kafka (as the broker's administrator, {@code KAFKA_ADMIN_PASSWORD}:
 * a case system's own password is the council's to keep); then its staff allocate, submit Inadequate and moderate the
 * audit over the services' APIs, with tokens of the demo people from the local authorization server
 * ({@code OAUTH2_TOKEN_URI}), so a case of concern opens and the service manager is emailed. Run again, it does
 * nothing: the events have fixed ids and an audited case is not audited twice.
 */
public final class DemoSeed {

    public static final String CASE_ID = "case-demo-1";

    private DemoSeed() {
    }

    /** From the seed container's environment (docker-compose.yml). */
    static String run(Map<String, String> environment) {
        return run(BrokerSignIn.adminClient(required(environment, "KAFKA_BOOTSTRAP_SERVERS"),
                        required(environment, "KAFKA_ADMIN_PASSWORD")),
                environment.getOrDefault("CASEQA_TOPIC_PREFIX", ""), required(environment, "OAUTH2_TOKEN_URI"),
                required(environment, "AUDIT_SERVICE_URL"), required(environment, "MODERATION_SERVICE_URL"));
    }

    /**
     * {@code administrator}: a Kafka client signed in as the broker's administrator; {@code tokenUri}: the local
     * authorization server's token endpoint. Returns what it did, for the log.
     */
    public static String run(Map<String, Object> administrator, String topicPrefix, String tokenUri, String auditUrl,
            String moderationUrl) {
        DemoJourney.publish(administrator, topicPrefix,
                DemoJourney.upstreamEvents(DemoJourney.COUNCIL, CASE_ID, DemoJourney.TEAM));
        Bearers demoPeople = new DemoPeople(tokenUri);
        List<?> audited = Retry.until(() -> RestClient.create(auditUrl).get().uri("/audits?caseId={id}", CASE_ID)
                .header("Authorization", demoPeople.of(DemoJourney.COUNCIL, DemoJourney.QA_MANAGER)).retrieve()
                .body(List.class));
        if (!audited.isEmpty()) {
            return "the demo case " + CASE_ID + " of " + DemoJourney.COUNCIL + " is audited already: nothing to do";
        }
        String auditId = DemoJourney.auditInadequate(demoPeople, auditUrl, moderationUrl, CASE_ID);
        return "staff and case " + CASE_ID + " of " + DemoJourney.COUNCIL + " published; audit " + auditId
                + " submitted Inadequate and moderated: its case of concern is coc-" + auditId;
    }

    /**
     * The demo people's tokens, by client credentials ({@code <council>-<role>}, the demo secret): the roles are
     * the person's, whatever the caller asks for.
     */
    static final class DemoPeople implements Bearers {

        private final RestClient identity;
        private final Map<String, String> tokens = new ConcurrentHashMap<>();

        DemoPeople(String tokenUri) {
            this.identity = RestClient.create(tokenUri);
        }

        @Override
        public String of(String council, String staffId, String... roles) {
            LocalAuthorizationServer.DemoPerson person = LocalAuthorizationServer.PEOPLE.stream()
                    .filter(p -> p.staffId().equals(staffId)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no demo person is " + staffId));
            return tokens.computeIfAbsent(person.clientId(council), clientId -> {
                MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
                form.add("grant_type", "client_credentials");
                form.add("client_id", clientId);
                form.add("client_secret", LocalAuthorizationServer.SECRET);
                Map<?, ?> token = Retry.until(() -> identity.post()
                        .contentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED).body(form)
                        .retrieve().body(Map.class));
                return "Bearer " + token.get("access_token");
            });
        }
    }

    private static String required(Map<String, String> environment, String name) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is not set");
        }
        return value;
    }
}
