package uk.caseqa.audit.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import uk.caseqa.testsupport.ServiceConfiguration;

/**
 * audit-service.yml as the service reads it at start-up: strictly, every key known, every council one of caseqa.councils and
 * each with its own profile. A council added to caseqa.councils without one stops the start.
 */
class TheCouncilsProfilesAreReadStrictlyTest {

    final AuditProgrammesConfiguration configuration = new AuditProgrammesConfiguration();

    @Test
    void theConfiguredProfilesOfEveryCouncilServedAreRead() {
        StandardEnvironment environment = ServiceConfiguration.of("audit-service.yml").environment();

        assertThat(configuration.auditProgrammes(environment)).isNotNull();
        assertThat(configuration.auditTemplates(environment)).isNotNull();
    }

    @Test
    void aCouncilServedWithoutItsOwnProfileStopsTheStart() {
        StandardEnvironment environment = ServiceConfiguration.of("audit-service.yml").environment();
        environment.getPropertySources().addFirst(new MapPropertySource("more", java.util.Map.of(
                "caseqa.councils", "swindon,bolton,telford-and-wrekin,wandsworth,rutland")));

        assertThatThrownBy(() -> configuration.auditProgrammes(environment)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("rutland has no profile of its own");
    }
}
