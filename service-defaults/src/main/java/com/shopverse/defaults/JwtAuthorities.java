package com.shopverse.defaults;

import java.util.ArrayList;
import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

/**
 * What a token may do: its {@code roles} claim (auth-service's users: {@code CUSTOMER}, {@code
 * ADMIN}) as {@code ROLE_*} authorities and its {@code scope}/{@code scp} claim (service clients,
 * e.g. {@code inventory}) as {@code SCOPE_*} authorities. The principal name stays {@code sub}.
 */
public final class JwtAuthorities {

  private JwtAuthorities() {}

  public static JwtAuthenticationConverter converter() {
    JwtGrantedAuthoritiesConverter scopes = new JwtGrantedAuthoritiesConverter();
    JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
    roles.setAuthoritiesClaimName("roles");
    roles.setAuthorityPrefix("ROLE_");
    JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
    converter.setJwtGrantedAuthoritiesConverter(
        jwt -> {
          Collection<GrantedAuthority> authorities = new ArrayList<>(scopes.convert(jwt));
          authorities.addAll(roles.convert(jwt));
          return authorities;
        });
    return converter;
  }
}
