package com.shopverse.auth.client;

import com.shopverse.auth.AuthProperties;
import com.shopverse.auth.AuthProperties.Client;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The service clients from configuration ({@code shopverse.auth.clients}).
 *
 * <p>A client's secret is checked against its Argon2 hash once; after that the SHA-256 of the
 * secret that passed is remembered (in memory only) and the same secret is accepted by comparing
 * digests. Argon2 is there to make guessing a human's password slow; it shares a few slots with
 * every shopper's login ({@code BoundedPasswordEncoder}), and under a login flood the services' own
 * token requests got 503 {@code hashing-busy}, so checkouts failed for want of a catalog token. A
 * wrong secret still costs a full Argon2 check, so guessing a client's secret stays as slow.
 */
@Component
class ServiceClients {

  private final Map<String, Client> clients;
  private final PasswordEncoder passwords;
  private final String decoyHash;
  private final Map<String, byte[]> verified = new ConcurrentHashMap<>();

  ServiceClients(AuthProperties properties, PasswordEncoder passwords) {
    this.clients =
        properties.clients().stream().collect(Collectors.toMap(Client::id, Function.identity()));
    this.passwords = passwords;
    // An unknown client id costs one hash check too, so timing does not tell which ids exist.
    this.decoyHash = passwords.encode("decoy-secret");
  }

  /** The client if the id is known and the secret matches its hash. */
  Optional<Client> authenticate(String clientId, String secret) {
    Client client = clients.get(clientId);
    if (client == null) {
      passwords.matches(secret, decoyHash);
      return Optional.empty();
    }
    byte[] digest = sha256(secret);
    byte[] known = verified.get(clientId);
    if (known != null && MessageDigest.isEqual(known, digest)) {
      return Optional.of(client);
    }
    if (!passwords.matches(secret, client.secretHash())) {
      return Optional.empty();
    }
    verified.put(clientId, digest);
    return Optional.of(client);
  }

  private static byte[] sha256(String secret) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
