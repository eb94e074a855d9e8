package uk.caseqa.kafka.access;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes users (SCRAM-SHA-512 credentials) and their grants to a broker, as its administrator. Idempotent: a user
 * already there gets the password given, an ACL already there stays one ACL. Used by the embedded run, the tests
 * and docker-compose's provisioning step; never by a service, which holds no administrator's password.
 */
public final class KafkaAccess {

    private static final Logger log = LoggerFactory.getLogger(KafkaAccess.class);
    private static final int ITERATIONS = 4096;
    private final Map<String, Object> adminClient;

    /** {@code adminClient}: the properties of a client signed in as a super user. */
    public KafkaAccess(Map<String, Object> adminClient) {
        this.adminClient = Map.copyOf(adminClient);
    }

    /** Creates or updates each user's SCRAM-SHA-512 credential. */
    public void users(Map<String, String> passwords) {
        if (passwords.isEmpty()) {
            return;
        }
        List<UserScramCredentialAlteration> upserts = new ArrayList<>();
        passwords.forEach((user, password) -> upserts.add(new UserScramCredentialUpsertion(user,
                new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, ITERATIONS), password)));
        run(admin -> admin.alterUserScramCredentials(upserts).all().get(30, TimeUnit.SECONDS));
    }

    /** Adds the grants (those already present are left as they are). */
    public void grant(Collection<KafkaGrants> grants) {
        List<org.apache.kafka.common.acl.AclBinding> acls = grants.stream().flatMap(g -> g.acls().stream()).toList();
        if (!acls.isEmpty()) {
            run(admin -> admin.createAcls(acls).all().get(30, TimeUnit.SECONDS));
            log.debug("granted {} ACLs to {}", acls.size(), grants.stream().map(KafkaGrants::user).toList());
        }
    }

    /** Creates the topics that are missing, with {@code partitions} and replication factor {@code replicas}. */
    public void topics(Collection<String> names, int partitions, short replicas) {
        run(admin -> {
            for (String name : names) {
                try {
                    admin.createTopics(List.of(new NewTopic(name, partitions, replicas))).all().get(30,
                            TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            return null;
        });
    }

    private interface AdminWork {
        Object on(Admin admin) throws Exception;
    }

    private void run(AdminWork work) {
        try (Admin admin = Admin.create(adminClient)) {
            work.on(admin);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Kafka administration failed: " + e.getMessage(), e);
        }
    }
}
