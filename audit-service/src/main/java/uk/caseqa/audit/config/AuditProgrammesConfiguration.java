package uk.caseqa.audit.config;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.caseqa.audit.domain.AuditProgramme;
import uk.caseqa.audit.domain.AuditProgrammes;

/** The councils' audit programmes are data: {@code caseqa.audit.programmes} in audit-service.yml. */
@Configuration
@EnableConfigurationProperties(AuditProgrammesConfiguration.Programmes.class)
class AuditProgrammesConfiguration {

    @ConfigurationProperties("caseqa.audit")
    record Programmes(List<AuditProgramme> programmes) {
    }

    @Bean
    AuditProgrammes auditProgrammes(Programmes configured) {
        if (configured.programmes() == null || configured.programmes().isEmpty()) {
            throw new IllegalStateException("caseqa.audit.programmes is empty");
        }
        return new AuditProgrammes(configured.programmes());
    }
}
