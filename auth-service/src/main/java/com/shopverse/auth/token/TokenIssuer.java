package com.shopverse.auth.token;

import com.shopverse.auth.AuthProperties;
import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Signs RS256 access tokens with the newest key. */
@Component
public class TokenIssuer {

  private final KeyRing keys;
  private final AuthProperties properties;
  private final Clock clock;

  TokenIssuer(KeyRing keys, AuthProperties properties) {
    this.keys = keys;
    this.properties = properties;
    this.clock = Clock.systemUTC();
  }

  /** A shopper's (or admin's) token: {@code sub} is the user id, with email and roles. */
  public AccessToken issue(String subject, String email, List<String> roles) {
    String token = builder(subject).claim("email", email).claim("roles", roles).compact();
    return new AccessToken(token, "Bearer", properties.accessTokenTtl().toSeconds(), null, null);
  }

  /**
   * A service's token ({@code client_credentials}): {@code sub} is the client id, {@code scope} the
   * granted scopes separated by spaces (RFC 8693 §4.2), and no roles.
   */
  public AccessToken issueForClient(String clientId, Collection<String> scopes) {
    String scope = String.join(" ", new TreeSet<>(scopes));
    String token = builder(clientId).claim("scope", scope).compact();
    return new AccessToken(token, "Bearer", properties.accessTokenTtl().toSeconds(), scope, null);
  }

  private JwtBuilder builder(String subject) {
    SigningKey key = keys.current();
    Instant now = clock.instant();
    Instant expires = now.plus(properties.accessTokenTtl());
    return Jwts.builder()
        .header()
        .keyId(key.kid())
        .and()
        .issuer(properties.issuer())
        .audience()
        .add(properties.audience())
        .and()
        .subject(subject)
        .id(UUID.randomUUID().toString())
        .issuedAt(Date.from(now))
        .notBefore(Date.from(now))
        .expiration(Date.from(expires))
        .signWith(key.privateKey(), Jwts.SIG.RS256);
  }
}
