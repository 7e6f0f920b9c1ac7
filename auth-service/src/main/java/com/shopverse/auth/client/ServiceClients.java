package com.shopverse.auth.client;

import com.shopverse.auth.AuthProperties;
import com.shopverse.auth.AuthProperties.Client;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** The service clients from configuration ({@code shopverse.auth.clients}). */
@Component
class ServiceClients {

  private final Map<String, Client> clients;
  private final PasswordEncoder passwords;
  private final String decoyHash;

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
    return passwords.matches(secret, client.secretHash()) ? Optional.of(client) : Optional.empty();
  }
}
