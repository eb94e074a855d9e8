package uk.caseqa.moderation.config;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.caseqa.moderation.domain.ModerationProfile;
import uk.caseqa.moderation.domain.ModerationProfiles;
import uk.caseqa.moderation.domain.WorkingDays;

/** Profiles ({@code caseqa.moderation.profiles}) and bank holidays ({@code caseqa.calendar.bank-holidays}) are data. */
@Configuration
@EnableConfigurationProperties({ModerationConfiguration.Profiles.class, ModerationConfiguration.Calendar.class})
class ModerationConfiguration {

    @ConfigurationProperties("caseqa.moderation")
    record Profiles(List<ModerationProfile> profiles) {
    }

    @ConfigurationProperties("caseqa.calendar")
    record Calendar(List<LocalDate> bankHolidays) {
    }

    @Bean
    ModerationProfiles moderationProfiles(Profiles configured) {
        if (configured.profiles() == null || configured.profiles().isEmpty()) {
            throw new IllegalStateException("caseqa.moderation.profiles is empty");
        }
        return new ModerationProfiles(configured.profiles());
    }

    @Bean
    WorkingDays workingDays(Calendar calendar) {
        if (calendar.bankHolidays() == null || calendar.bankHolidays().isEmpty()) {
            throw new IllegalStateException("caseqa.calendar.bank-holidays is empty: working days would be wrong");
        }
        return new WorkingDays(new HashSet<>(calendar.bankHolidays()));
    }
}
