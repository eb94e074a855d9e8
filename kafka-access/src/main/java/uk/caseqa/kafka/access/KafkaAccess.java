package uk.caseqa.kafka.access;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.config.ConfigResource;
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

    /**
     * Adds the grants (those already present are left as they are) and returns once the broker answers with them:
     * the controller commits an ACL before the broker applies it, and a client using it in between is refused.
     */
    public void grant(Collection<KafkaGrants> grants) {
        List<AclBinding> acls = grants.stream().flatMap(g -> g.acls().stream()).toList();
        if (acls.isEmpty()) {
            return;
        }
        run(admin -> {
            admin.createAcls(acls).all().get(30, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!admin.describeAcls(AclBindingFilter.ANY).values().get(30, TimeUnit.SECONDS).containsAll(acls)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the broker did not apply " + acls.size() + " ACLs within 30 s");
                }
                Thread.sleep(20);
            }
            return null;
        });
        log.debug("granted {} ACLs to {}", acls.size(), grants.stream().map(KafkaGrants::user).toList());
    }

    /**
     * Makes each topic as {@code settings} say: creates those missing; on those already there, sets the topic
     * configuration (retention, {@code min.insync.replicas}, compaction) and adds partitions up to the number asked
     * (never fewer: Kafka cannot remove them). A different replication factor is reported, not changed: that is a
     * partition reassignment, an operator's decision. Returns what it did, for the log.
     */
    public String topics(Collection<String> names, TopicSettings settings) {
        List<String> wanted = names.stream().distinct().toList();
        if (wanted.isEmpty()) {
            return "no topics";
        }
        Object done = run(admin -> {
            Set<String> existing = admin.listTopics(new ListTopicsOptions().listInternal(false)).names()
                    .get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = wanted.stream().filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, settings.partitions(), settings.replicationFactor())
                            .configs(settings.configOf(t)))
                    .toList();
            if (!missing.isEmpty()) {
                try {
                    admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) { // another provisioner made one meanwhile
                        throw e;
                    }
                }
            }
            List<String> present = wanted.stream().filter(existing::contains).toList();
            if (present.isEmpty()) {
                return missing.size() + " topics created";
            }
            Map<ConfigResource, Collection<AlterConfigOp>> configs = new LinkedHashMap<>();
            present.forEach(t -> configs.put(new ConfigResource(ConfigResource.Type.TOPIC, t),
                    settings.configOf(t).entrySet().stream().map(c -> new AlterConfigOp(
                            new ConfigEntry(c.getKey(), c.getValue()), AlterConfigOp.OpType.SET)).toList()));
            admin.incrementalAlterConfigs(configs).all().get(30, TimeUnit.SECONDS);
            Map<String, NewPartitions> grow = new LinkedHashMap<>();
            for (var description : admin.describeTopics(present).allTopicNames().get(30, TimeUnit.SECONDS).values()) {
                if (description.partitions().size() < settings.partitions()) {
                    grow.put(description.name(), NewPartitions.increaseTo(settings.partitions()));
                }
                int replicas = description.partitions().get(0).replicas().size();
                if (replicas != settings.replicationFactor()) {
                    log.warn("topic {} has {} replicas, not the {} asked: reassign its partitions to change that",
                            description.name(), replicas, settings.replicationFactor());
                }
            }
            if (!grow.isEmpty()) {
                admin.createPartitions(grow).all().get(30, TimeUnit.SECONDS);
            }
            return missing.size() + " topics created, " + present.size() + " set to the deployment's settings"
                    + (grow.isEmpty() ? "" : ", " + grow.size() + " given more partitions");
        });
        return String.valueOf(done);
    }

    private interface AdminWork {
        Object on(Admin admin) throws Exception;
    }

    private Object run(AdminWork work) {
        try (Admin admin = Admin.create(adminClient)) {
            return work.on(admin);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Kafka administration failed: " + e.getMessage(), e);
        }
    }
}
