package uk.caseqa.testsupport;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import uk.caseqa.kafka.access.BrokerSignIn;
import uk.caseqa.kafka.access.KafkaAccess;
import uk.caseqa.kafka.access.KafkaGrants;
import uk.caseqa.kafka.access.TopicSettings;

/**
 * The users of one test broker: each gets a random password the first time it is asked for (one per JVM), written
 * to the broker as a SCRAM credential; grants are added as test contexts bind their own topics.
 */
public final class KafkaUsers {

    private static final Map<Infrastructure, KafkaUsers> EACH = new ConcurrentHashMap<>();
    private final Infrastructure infrastructure;
    private final KafkaAccess access;
    private final Map<String, String> passwords = new ConcurrentHashMap<>();

    private KafkaUsers(Infrastructure infrastructure) {
        this.infrastructure = infrastructure;
        this.access = new KafkaAccess(infrastructure.kafkaAdminClient());
    }

    static KafkaUsers of(Infrastructure infrastructure) {
        return EACH.computeIfAbsent(infrastructure, KafkaUsers::new);
    }

    /** The user's password, the user created on the broker first if it is new. */
    public String password(String user) {
        return passwords.computeIfAbsent(user, u -> {
            String password = BrokerSignIn.newPassword();
            access.users(Map.of(u, password));
            return password;
        });
    }

    /** Creates the topics that are missing (local settings: 3 partitions, one broker): no client may create one. */
    public void topics(Collection<String> names) {
        access.topics(names, TopicSettings.local());
    }

    public void grant(Collection<KafkaGrants> grants) {
        grants.forEach(g -> password(g.user()));
        access.grant(grants);
    }

    /** Client properties signed in as {@code user} (created if new), with no grants but those given to it. */
    public Map<String, Object> client(String user) {
        return BrokerSignIn.userClient(infrastructure.kafkaBootstrapServers(), user, password(user));
    }
}
