package uk.caseqa.messaging.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * A council's profile with a misspelt key or council, an impossible value, or a council left without a profile used
 * to fall back to a default without a word; now the service does not start, and says which entry is wrong.
 */
class AMisspeltProfileStopsTheServiceAtStartTest {

    /** A profile as the services' are: a council and numbers. */
    public record Profile(String localAuthority, int days) {
        public Profile {
            if (days < 0) {
                throw new IllegalArgumentException("profile of " + localAuthority + ": days cannot be negative");
            }
        }
    }

    static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        Map<String, Object> all = new HashMap<>(properties);
        all.put("caseqa.councils[0]", "swindon");
        all.put("caseqa.councils[1]", "bolton");
        environment.getPropertySources().addFirst(new MapPropertySource("test", all));
        return environment;
    }

    static List<Profile> read(Map<String, Object> properties) {
        StandardEnvironment environment = environment(properties);
        return CouncilProfiles.requireCouncils("caseqa.test.profiles",
                CouncilProfiles.bind(environment, "caseqa.test.profiles", Profile.class), Profile::localAuthority,
                CouncilProfiles.councils(environment));
    }

    @Test
    void wellFormedProfilesOfEveryCouncilServedAreRead() {
        assertThat(read(Map.of("caseqa.test.profiles[0].local-authority", "swindon",
                "caseqa.test.profiles[0].days", 5, "caseqa.test.profiles[1].local-authority", "bolton",
                "caseqa.test.profiles[2].local-authority", "*"))).extracting(Profile::localAuthority)
                .containsExactly("swindon", "bolton", "*");
    }

    @Test
    void aMisspeltKeyIsNamed() {
        assertThatThrownBy(() -> read(Map.of("caseqa.test.profiles[0].local-authority", "swindon",
                "caseqa.test.profiles[0].dayz", 5, "caseqa.test.profiles[1].local-authority", "bolton")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("caseqa.test.profiles")
                .hasMessageContaining("dayz");
    }

    @Test
    void aMisspeltCouncilAndACouncilWithoutItsOwnProfileAreNamed() {
        assertThatThrownBy(() -> read(Map.of("caseqa.test.profiles[0].local-authority", "swindon",
                "caseqa.test.profiles[1].local-authority", "boltn")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'boltn' is not a council served")
                .hasMessageContaining("bolton has no profile of its own");
    }

    @Test
    void anImpossibleValueIsNamed() {
        assertThatThrownBy(() -> read(Map.of("caseqa.test.profiles[0].local-authority", "swindon",
                "caseqa.test.profiles[0].days", -3, "caseqa.test.profiles[1].local-authority", "bolton")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("days cannot be negative");
    }
}
