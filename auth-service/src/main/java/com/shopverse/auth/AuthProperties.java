package com.shopverse.auth;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param issuer the {@code iss} of every token this service signs
 * @param audience the {@code aud} of every token
 * @param accessTokenTtl how long an access token is valid (shoppers' and services' alike)
 * @param clients the services that may get a token with the {@code client_credentials} grant
 */
@ConfigurationProperties("shopverse.auth")
public record AuthProperties(
    String issuer, String audience, Duration accessTokenTtl, List<Client> clients) {

  public AuthProperties {
    clients = clients == null ? List.of() : List.copyOf(clients);
  }

  /**
   * A service client (RFC 6749 §2): who it is, how it proves it, what it may ask for.
   *
   * @param id the {@code client_id}, and the {@code sub} of its tokens
   * @param secretHash the client secret, hashed with the same Argon2id encoder as passwords
   * @param scopes the scopes the client may request; a request without {@code scope} gets all
   */
  public record Client(String id, String secretHash, Set<String> scopes) {

    public Client {
      scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
    }
  }
}
