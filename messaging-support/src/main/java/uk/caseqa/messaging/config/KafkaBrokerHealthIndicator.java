package uk.caseqa.messaging.config;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import uk.caseqa.messaging.kafka.KafkaClientSettings;

/**
 * The broker, as this service signs in to it: a cluster description within {@link #TIMEOUT_MS} ms, or DOWN. Part of
 * readiness, so a replica that cannot reach Kafka stops taking requests whose events it could not publish; never of
 * liveness, so a broker outage does not restart every replica. One admin client, kept open between probes.
 */
class KafkaBrokerHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

    static final int TIMEOUT_MS = 3000;
    private final KafkaClientSettings kafka;
    private volatile Admin admin;

    KafkaBrokerHealthIndicator(KafkaClientSettings kafka) {
        super("Kafka broker health check failed");
        this.kafka = kafka;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        Collection<Node> nodes = admin().describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS)).nodes()
                .get(TIMEOUT_MS + 500L, TimeUnit.MILLISECONDS);
        builder.up().withDetail("nodes", nodes.size());
    }

    private Admin admin() {
        Admin current = admin;
        if (current == null) {
            synchronized (this) {
                if (admin == null) {
                    admin = Admin.create(kafka.with(Map.of(AdminClientConfig.CLIENT_ID_CONFIG, "health-probe",
                            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS,
                            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS,
                            AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000)));
                }
                current = admin;
            }
        }
        return current;
    }

    @Override
    public void destroy() {
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(2));
        }
    }
}
