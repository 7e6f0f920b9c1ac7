package com.shopverse.defaults;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;

/**
 * The token rules shared by the gateway and every service: issuer, audience, expiry (required),
 * not-before.
 */
public final class JwtValidation {

  /** The clock skew the services allow on {@code exp} and {@code nbf}. */
  public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);

  private JwtValidation() {}

  public static OAuth2TokenValidator<Jwt> validator(SecurityProperties properties) {
    return validator(properties, DEFAULT_CLOCK_SKEW);
  }

  /**
   * The same rules with a chosen clock skew. A token without {@code exp} is refused: it would never
   * expire (and the gateway could not bound how long it caches it).
   */
  public static OAuth2TokenValidator<Jwt> validator(
      SecurityProperties properties, Duration clockSkew) {
    OAuth2TokenValidator<Jwt> audience =
        new JwtClaimValidator<List<String>>(
            JwtClaimNames.AUD, aud -> aud != null && aud.contains(properties.audience()));
    OAuth2TokenValidator<Jwt> expiryPresent =
        new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull);
    // The defaults (typ, certificate binding) stay; our timestamp validator replaces theirs.
    return JwtValidators.createDefaultWithValidators(
        new JwtTimestampValidator(clockSkew),
        new JwtIssuerValidator(properties.issuer()),
        expiryPresent,
        audience);
  }
}
