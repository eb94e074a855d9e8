package uk.caseqa.messaging.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

/** How a token's claims become the caller: staff id, council, roles and scopes, and which tokens are refused. */
class ATokenNamesItsCallerTest {

    final CallerTokens tokens = new CallerTokens(CallerTokens.Claims.standard(), List.of("swindon", "bolton"));

    static Jwt jwt(Map<String, Object> claims) {
        return Jwt.withTokenValue("t").header("alg", "RS256").issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60)).claims(c -> c.putAll(claims)).build();
    }

    @Test
    void aPersonsTokenGivesTheirStaffIdCouncilAndKnownRoles() {
        Caller caller = tokens.callerOf(tokens.convert(jwt(Map.of("sub", "oid-123", "staff_id", "staff-sm-1",
                "council", "swindon", "roles", List.of("SERVICE_MANAGER", "panel_member", "SOMETHING_ELSE")))));

        assertThat(caller).isEqualTo(new Caller("staff-sm-1", "swindon",
                Set.of(AccessRole.SERVICE_MANAGER, AccessRole.PANEL_MEMBER), Set.of()));
        assertThat(tokens.convert(jwt(Map.of("sub", "x", "council", "swindon", "roles", "QA_TEAM OPS")))
                .getAuthorities()).extracting(Object::toString).containsExactlyInAnyOrder("ROLE_QA_TEAM", "ROLE_OPS");
    }

    @Test
    void withoutAStaffIdClaimTheSubjectIsTheCallerAndAMachineHasScopes() {
        Caller machine = tokens.callerOf(tokens.convert(jwt(Map.of("sub", "swindon-dashboard", "council", "swindon",
                "scope", "board.read other"))));

        assertThat(machine.staffId()).isEqualTo("swindon-dashboard");
        assertThat(machine.roles()).isEmpty();
        assertThat(machine.scopes()).containsExactlyInAnyOrder("board.read", "other");
    }

    @Test
    void aTokenWithoutACouncilServedHereIsNotValid() {
        assertThat(tokens.councilValidator().validate(jwt(Map.of("sub", "x", "council", "bolton"))).hasErrors())
                .isFalse();
        assertThat(tokens.councilValidator().validate(jwt(Map.of("sub", "x", "council", "elsewhere"))).hasErrors())
                .isTrue();
        assertThat(tokens.councilValidator().validate(jwt(Map.of("sub", "x"))).hasErrors()).isTrue();
        assertThat(tokens.councilValidator().validate(jwt(Map.of("sub", "client-7", "council", "bolton",
                "roles", List.of("QA_TEAM")))).hasErrors()).as("a person's roles without the person").isTrue();
    }

    @Test
    void aPersonsTokenActsByItsRolesAloneNeverByScopesItAlsoCarries() {
        Caller person = tokens.callerOf(tokens.convert(jwt(Map.of("sub", "oid-9", "staff_id", "staff-tm-9",
                "council", "bolton", "roles", List.of("AUDITOR"), "scp", "board.read"))));

        assertThat(person.scopes()).isEmpty();
        assertThat(person.roles()).containsExactly(AccessRole.AUDITOR);
    }

    @Test
    void anotherCouncilsRecordIsNotFoundAndACouncilNamedInARequestMustBeTheCallers() {
        Caller swindon = new Caller("staff-qa-1", "swindon", Set.of(AccessRole.QA_TEAM), Set.of());

        assertThat(swindon.councilOr(null)).isEqualTo("swindon");
        assertThat(swindon.councilOr("swindon")).isEqualTo("swindon");
        assertThatThrownBy(() -> swindon.councilOr("bolton")).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> swindon.mustSee("bolton", "audit a-1")).isInstanceOf(NoSuchElementException.class)
                .hasMessage("no audit a-1");
    }
}
