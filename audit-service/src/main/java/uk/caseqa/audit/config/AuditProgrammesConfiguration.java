package uk.caseqa.audit.config;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import uk.caseqa.audit.domain.AuditProgramme;
import uk.caseqa.audit.domain.AuditProgrammes;
import uk.caseqa.audit.domain.AuditTemplate;
import uk.caseqa.audit.domain.AuditTemplates;
import uk.caseqa.contracts.AuditType;
import uk.caseqa.messaging.config.CouncilProfiles;

/**
 * The councils' audit programmes and templates are data: {@code caseqa.audit.*} in audit-service.yml, read strictly
 * (unknown keys, impossible values and unknown councils stop the start; every council served has its own case-file
 * programme).
 */
@Configuration
class AuditProgrammesConfiguration {

    @Bean
    AuditTemplates auditTemplates(Environment environment) {
        String name = "caseqa.audit.templates";
        return new AuditTemplates(CouncilProfiles.requireKnown(name,
                CouncilProfiles.bind(environment, name, AuditTemplate.class), AuditTemplate::localAuthority,
                CouncilProfiles.councils(environment)));
    }

    @Bean
    AuditProgrammes auditProgrammes(Environment environment) {
        String name = "caseqa.audit.programmes";
        List<AuditProgramme> programmes = CouncilProfiles.bind(environment, name, AuditProgramme.class);
        java.util.Set<String> served = CouncilProfiles.councils(environment);
        CouncilProfiles.requireKnown(name, programmes, AuditProgramme::localAuthority, served);
        CouncilProfiles.requireCouncils(name + " (case-file audits)",
                programmes.stream().filter(p -> p.auditType() == AuditType.FULL).toList(),
                AuditProgramme::localAuthority, served);
        return new AuditProgrammes(programmes);
    }
}
