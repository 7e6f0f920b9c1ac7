package com.shopverse.gateway;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The gateway's edge security.
 *
 * @param enabled {@code false} removes every security filter (no token checks, no headers, no
 *     CORS). For benchmarks only: it measures what the security chain costs. Default {@code true}.
 * @param token how tokens are checked and cached
 * @param cors which browser origins may call the API
 * @param hsts the Strict-Transport-Security header (TLS ends in front of the gateway)
 */
@ConfigurationProperties("shopverse.gateway.security")
record GatewaySecurityProperties(Boolean enabled, Token token, Cors cors, Hsts hsts) {

  GatewaySecurityProperties {
    enabled = enabled == null || enabled;
    token = token == null ? new Token(null, null, null, null, null) : token;
    cors = cors == null ? new Cors(null, null) : cors;
    hsts = hsts == null ? new Hsts(null, null) : hsts;
  }

  /**
   * @param maxSize a longer bearer token is refused before any parsing (default 8 KB)
   * @param clockSkew allowed on {@code exp} and {@code nbf} (default 30 s)
   * @param jwksRefetchInterval the least time between two JWKS fetches caused by an unknown {@code
   *     kid} (default 30 s)
   * @param jwksMaxAge the JWKS is fetched again when older than this and a token arrives (default 5
   *     min), so a key auth-service withdrew stops being trusted
   * @param verifiedCacheSize how many verified tokens are kept (default 100,000)
   */
  record Token(
      DataSize maxSize,
      Duration clockSkew,
      Duration jwksRefetchInterval,
      Duration jwksMaxAge,
      Long verifiedCacheSize) {

    Token {
      maxSize = maxSize == null ? DataSize.ofKilobytes(8) : maxSize;
      clockSkew = clockSkew == null ? Duration.ofSeconds(30) : clockSkew;
      jwksRefetchInterval =
          jwksRefetchInterval == null ? Duration.ofSeconds(30) : jwksRefetchInterval;
      jwksMaxAge = jwksMaxAge == null ? Duration.ofMinutes(5) : jwksMaxAge;
      verifiedCacheSize = verifiedCacheSize == null ? 100_000L : verifiedCacheSize;
    }
  }

  /**
   * @param allowedOrigins exact origins allowed to call the API from a browser
   * @param maxAge how long a browser may cache a preflight answer
   */
  record Cors(List<String> allowedOrigins, Duration maxAge) {

    Cors {
      allowedOrigins =
          allowedOrigins == null
              ? List.of("http://localhost:3000", "http://127.0.0.1:3000")
              : List.copyOf(allowedOrigins);
      maxAge = maxAge == null ? Duration.ofMinutes(30) : maxAge;
    }
  }

  /**
   * @param enabled send Strict-Transport-Security on every response (default true)
   * @param maxAge its max-age (default 365 days)
   */
  record Hsts(Boolean enabled, Duration maxAge) {

    Hsts {
      enabled = enabled == null || enabled;
      maxAge = maxAge == null ? Duration.ofDays(365) : maxAge;
    }
  }
}
