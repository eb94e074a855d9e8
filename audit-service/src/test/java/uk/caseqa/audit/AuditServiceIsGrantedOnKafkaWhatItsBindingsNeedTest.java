package uk.caseqa.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;
import uk.caseqa.kafka.access.KafkaGrants;

/** The grants are read from audit-service.yml's bindings: what it reads, writes and dead-letters, and no more. */
class AuditServiceIsGrantedOnKafkaWhatItsBindingsNeedTest {

    final KafkaGrants grants = KafkaGrants.fromConfigFile(AuditServiceApplication.CONFIG_NAME,
            Map.of("caseqa.topic-prefix", "p."));

    @Test
    void itReadsEachCouncilsCaseAndStaffTopicsAndTheEventsItConsumesInItsOwnGroup() {
        assertThat(grants.principal()).isEqualTo("User:audit-service");
        assertThat(names(ResourceType.TOPIC, AclOperation.READ)).containsExactlyInAnyOrder(
                "p.qa.case-events.swindon", "p.qa.case-events.bolton", "p.qa.case-events.telford-and-wrekin",
                "p.qa.case-events.wandsworth", "p.qa.staff-events.swindon", "p.qa.staff-events.bolton",
                "p.qa.staff-events.telford-and-wrekin", "p.qa.staff-events.wandsworth", "p.qa.moderation-events",
                "p.qa.concern-events");
        assertThat(names(ResourceType.GROUP, AclOperation.READ)).containsExactly("audit-service");
    }

    @Test
    void itWritesItsOwnEventsAndItsDeadLettersOnly() {
        assertThat(names(ResourceType.TOPIC, AclOperation.WRITE)).containsExactlyInAnyOrder("p.qa.audit-events",
                "p.qa.case-events.audit-service.dlq", "p.qa.staff-events.audit-service.dlq",
                "p.qa.moderation-events.audit-service.dlq", "p.qa.concern-events.audit-service.dlq");
        assertThat(grants.acls()).extracting(a -> a.pattern().patternType()).containsOnly(PatternType.LITERAL);
        assertThat(grants.acls()).extracting(a -> a.entry().operation()).as("no service creates a topic")
                .containsOnly(AclOperation.READ, AclOperation.WRITE);
    }

    private List<String> names(ResourceType type, AclOperation operation) {
        return grants.acls().stream().filter(a -> a.pattern().resourceType() == type)
                .filter(a -> a.entry().operation() == operation).map(AclBinding::pattern).map(p -> p.name()).toList();
    }
}
