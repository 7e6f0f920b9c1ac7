package com.shopverse.defaults;

import java.util.List;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;

/**
 * The token rules shared by the gateway and every service: issuer, audience, expiry, not-before.
 */
public final class JwtValidation {

  private JwtValidation() {}

  public static OAuth2TokenValidator<Jwt> validator(SecurityProperties properties) {
    // createDefaultWithIssuer checks exp and nbf (with 60 s skew) and iss.
    OAuth2TokenValidator<Jwt> audience =
        new JwtClaimValidator<List<String>>(
            "aud", aud -> aud != null && aud.contains(properties.audience()));
    return new DelegatingOAuth2TokenValidator<>(
        JwtValidators.createDefaultWithIssuer(properties.issuer()), audience);
  }
}
