package uk.caseqa.concern.config;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.caseqa.concern.domain.ConcernProfile;
import uk.caseqa.concern.domain.ConcernProfiles;

/** The councils' profiles are data: {@code caseqa.concern.profiles} in concern-service.yml, one entry per framework. */
@Configuration
@EnableConfigurationProperties(ConcernProfilesConfiguration.Profiles.class)
class ConcernProfilesConfiguration {

    @ConfigurationProperties("caseqa.concern")
    record Profiles(List<ConcernProfile> profiles) {
    }

    @Bean
    ConcernProfiles concernProfiles(Profiles configured) {
        if (configured.profiles() == null || configured.profiles().isEmpty()) {
            throw new IllegalStateException("caseqa.concern.profiles is empty: concern-service needs the councils' profiles");
        }
        return new ConcernProfiles(configured.profiles());
    }
}
