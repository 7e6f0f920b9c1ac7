package com.shopverse.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class JwtAuthoritiesTest {

  @Test
  void mapsRolesToRoleAuthorities() {
    var authentication =
        JwtAuthorities.converter()
            .convert(jwt().claim("roles", List.of("CUSTOMER", "ADMIN")).build());

    assertThat(authentication.getAuthorities())
        .extracting(GrantedAuthority::getAuthority)
        .filteredOn(JwtAuthoritiesTest::grantsAccess)
        .containsExactlyInAnyOrder("ROLE_CUSTOMER", "ROLE_ADMIN");
    assertThat(authentication.getName()).isEqualTo("user-1");
  }

  @Test
  void mapsScopesToScopeAuthorities() {
    var authentication =
        JwtAuthorities.converter().convert(jwt().claim("scope", "inventory orders:read").build());

    assertThat(authentication.getAuthorities())
        .extracting(GrantedAuthority::getAuthority)
        .filteredOn(JwtAuthoritiesTest::grantsAccess)
        .containsExactlyInAnyOrder("SCOPE_inventory", "SCOPE_orders:read");
  }

  @Test
  void grantsNothingToATokenWithoutRolesOrScopes() {
    assertThat(JwtAuthorities.converter().convert(jwt().build()).getAuthorities())
        .extracting(GrantedAuthority::getAuthority)
        .filteredOn(JwtAuthoritiesTest::grantsAccess)
        .isEmpty();
  }

  /** Spring Security 7 also adds {@code FACTOR_BEARER} (how the user authenticated). */
  private static boolean grantsAccess(String authority) {
    return authority.startsWith("ROLE_") || authority.startsWith("SCOPE_");
  }

  private static Jwt.Builder jwt() {
    return Jwt.withTokenValue("t")
        .header("alg", "RS256")
        .subject("user-1")
        .issuedAt(Instant.now())
        .expiresAt(Instant.now().plusSeconds(60));
  }
}
