package com.shopverse.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

class JwtValidationTest {

  private final OAuth2TokenValidator<Jwt> validator =
      JwtValidation.validator(
          new SecurityProperties(URI.create("http://jwks"), "http://iss", "shopverse", List.of()),
          Duration.ofSeconds(30));

  @Test
  void acceptsAnExpiryWithinTheClockSkewAndRefusesOneBeyondIt() {
    Instant now = Instant.now();
    assertThat(validator.validate(jwt(now.minusSeconds(20)).build()).hasErrors()).isFalse();
    assertThat(validator.validate(jwt(now.minusSeconds(40)).build()).hasErrors()).isTrue();
  }

  @Test
  void refusesANotBeforeInTheFutureBeyondTheClockSkew() {
    Instant now = Instant.now();
    Jwt early = jwt(now.plusSeconds(600)).notBefore(now.plusSeconds(60)).build();
    assertThat(validator.validate(early).hasErrors()).isTrue();
  }

  @Test
  void refusesATokenWithoutExpiry() {
    Jwt forever =
        Jwt.withTokenValue("t")
            .header("alg", "RS256")
            .issuer("http://iss")
            .audience(List.of("shopverse"))
            .subject("a")
            .build();
    assertThat(validator.validate(forever).hasErrors()).isTrue();
  }

  @Test
  void refusesAWrongAudienceOrIssuer() {
    Instant exp = Instant.now().plusSeconds(600);
    assertThat(validator.validate(jwt(exp).audience(List.of("other")).build()).hasErrors())
        .isTrue();
    assertThat(validator.validate(jwt(exp).issuer("http://evil").build()).hasErrors()).isTrue();
  }

  private static Jwt.Builder jwt(Instant expiresAt) {
    return Jwt.withTokenValue("t")
        .header("alg", "RS256")
        .issuer("http://iss")
        .audience(List.of("shopverse"))
        .subject("a")
        .issuedAt(expiresAt.minusSeconds(900))
        .expiresAt(expiresAt);
  }
}
