package uk.caseqa.audit.config;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.caseqa.audit.domain.AuditProgramme;
import uk.caseqa.audit.domain.AuditProgrammes;
import uk.caseqa.audit.domain.AuditTemplate;
import uk.caseqa.audit.domain.AuditTemplates;

/** The councils' audit programmes and templates are data: {@code caseqa.audit.*} in audit-service.yml. */
@Configuration
@EnableConfigurationProperties({AuditProgrammesConfiguration.Programmes.class,
        AuditProgrammesConfiguration.Templates.class})
class AuditProgrammesConfiguration {

    @ConfigurationProperties("caseqa.audit")
    record Programmes(List<AuditProgramme> programmes) {
    }

    @ConfigurationProperties("caseqa.audit")
    record Templates(List<AuditTemplate> templates) {
    }

    @Bean
    AuditTemplates auditTemplates(Templates configured) {
        if (configured.templates() == null || configured.templates().isEmpty()) {
            throw new IllegalStateException("caseqa.audit.templates is empty");
        }
        return new AuditTemplates(configured.templates());
    }

    @Bean
    AuditProgrammes auditProgrammes(Programmes configured) {
        if (configured.programmes() == null || configured.programmes().isEmpty()) {
            throw new IllegalStateException("caseqa.audit.programmes is empty");
        }
        return new AuditProgrammes(configured.programmes());
    }
}
