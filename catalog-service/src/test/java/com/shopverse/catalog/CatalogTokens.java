package com.shopverse.catalog;

import com.shopverse.testsupport.TestTokens;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The tokens the catalog's tests need, from test-support's {@link TestTokens} (JWKS over real
 * HTTP): shoppers and admins ({@code roles}, as auth-service issues them) and service clients
 * ({@code scope}, as a client-credentials token carries it).
 */
public final class CatalogTokens implements AutoCloseable {

  private final TestTokens tokens;

  private CatalogTokens(TestTokens tokens) {
    this.tokens = tokens;
  }

  public static CatalogTokens start() {
    return new CatalogTokens(TestTokens.start());
  }

  public String jwksUri() {
    return tokens.jwksUri();
  }

  public String customer() {
    return tokens.customer("user-" + UUID.randomUUID());
  }

  public String admin() {
    return tokens.token(
        "admin-1",
        List.of("CUSTOMER", "ADMIN"),
        TestTokens.ISSUER,
        TestTokens.AUDIENCE,
        Duration.ofMinutes(15));
  }

  /** A service client's token (client credentials): {@code scope} instead of roles. */
  public String service(String scope) {
    return tokens.service("order-service", scope);
  }

  @Override
  public void close() {
    tokens.close();
  }
}
