package uk.caseqa.concern.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import uk.caseqa.concern.domain.ConcernProfile;
import uk.caseqa.concern.domain.ConcernProfiles;
import uk.caseqa.messaging.config.CouncilProfiles;

/**
 * The councils' profiles are data: {@code caseqa.concern.profiles} in concern-service.yml, one entry per framework,
 * read strictly (unknown keys, impossible values and unknown or missing councils stop the start).
 */
@Configuration
class ConcernProfilesConfiguration {

    @Bean
    ConcernProfiles concernProfiles(Environment environment) {
        String name = "caseqa.concern.profiles";
        return new ConcernProfiles(CouncilProfiles.requireCouncils(name,
                CouncilProfiles.bind(environment, name, ConcernProfile.class), ConcernProfile::localAuthority,
                CouncilProfiles.councils(environment)));
    }
}
