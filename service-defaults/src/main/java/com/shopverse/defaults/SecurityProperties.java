package com.shopverse.defaults;

import java.net.URI;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How every service validates tokens (zero trust: the gateway checked them already, the service
 * checks again).
 *
 * @param jwkSetUri auth-service's JWKS
 * @param issuer the required {@code iss}
 * @param audience the required {@code aud}
 * @param publicPaths request paths (Ant patterns) reachable without a token; a token sent there is
 *     still validated
 */
@ConfigurationProperties("shopverse.security")
public record SecurityProperties(
    URI jwkSetUri, String issuer, String audience, List<String> publicPaths) {

  public SecurityProperties {
    publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
  }
}
