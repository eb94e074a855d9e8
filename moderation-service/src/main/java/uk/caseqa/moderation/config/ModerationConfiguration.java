package uk.caseqa.moderation.config;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import uk.caseqa.messaging.config.CouncilProfiles;
import uk.caseqa.moderation.domain.ModerationProfile;
import uk.caseqa.moderation.domain.ModerationProfiles;
import uk.caseqa.moderation.domain.WorkingDays;

/**
 * Profiles ({@code caseqa.moderation.profiles}, read strictly: unknown keys, impossible values and unknown or missing
 * councils stop the start) and bank holidays ({@code caseqa.calendar.bank-holidays}) are data.
 */
@Configuration
@EnableConfigurationProperties(ModerationConfiguration.Calendar.class)
class ModerationConfiguration {

    @ConfigurationProperties("caseqa.calendar")
    record Calendar(List<LocalDate> bankHolidays) {
    }

    @Bean
    ModerationProfiles moderationProfiles(Environment environment) {
        String name = "caseqa.moderation.profiles";
        return new ModerationProfiles(CouncilProfiles.requireCouncils(name,
                CouncilProfiles.bind(environment, name, ModerationProfile.class), ModerationProfile::localAuthority,
                CouncilProfiles.councils(environment)));
    }

    @Bean
    WorkingDays workingDays(Calendar calendar) {
        if (calendar.bankHolidays() == null || calendar.bankHolidays().isEmpty()) {
            throw new IllegalStateException("caseqa.calendar.bank-holidays is empty: working days would be wrong");
        }
        LocalDate last = calendar.bankHolidays().stream().max(LocalDate::compareTo).orElseThrow();
        LocalDate yearAhead = LocalDate.now(java.time.ZoneId.of("Europe/London")).plusYears(1);
        if (last.isBefore(yearAhead)) {
            // a warning, not a refusal: the service must not stop on a date; working days past the last listed
            // holiday count every weekday, so a deadline after it could fall on a bank holiday
            LoggerFactory.getLogger(ModerationConfiguration.class).warn("caseqa.calendar.bank-holidays runs out on {},"
                    + " within a year: add the bank holidays the government has announced since, or working-day"
                    + " deadlines after it will count them as working days", last);
        }
        return new WorkingDays(new HashSet<>(calendar.bankHolidays()));
    }
}
