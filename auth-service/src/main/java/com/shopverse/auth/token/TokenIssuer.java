package com.shopverse.auth.token;

import com.shopverse.auth.AuthProperties;
import io.jsonwebtoken.Jwts;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
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

  public AccessToken issue(String subject, String email, List<String> roles) {
    SigningKey key = keys.current();
    Instant now = clock.instant();
    Instant expires = now.plus(properties.accessTokenTtl());
    String token =
        Jwts.builder()
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
            .claim("email", email)
            .claim("roles", roles)
            .signWith(key.privateKey(), Jwts.SIG.RS256)
            .compact();
    return new AccessToken(token, "Bearer", properties.accessTokenTtl().toSeconds());
  }
}
