package com.shopverse.auth.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopverse.auth.AuthProperties;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Unit test: a counting stand-in for the Argon2 encoder (hashes are the reversed secret). */
class ServiceClientsTest {

  final AtomicInteger checks = new AtomicInteger();
  ServiceClients clients;

  @BeforeEach
  void setUp() {
    PasswordEncoder encoder =
        new PasswordEncoder() {
          @Override
          public String encode(CharSequence raw) {
            return new StringBuilder(raw).reverse().toString();
          }

          @Override
          public boolean matches(CharSequence raw, String encoded) {
            checks.incrementAndGet();
            return encode(raw).equals(encoded);
          }
        };
    var client = new AuthProperties.Client("order-service", "terces-redro", Set.of("catalog"));
    var properties =
        new AuthProperties(
            "issuer",
            "aud",
            null,
            null,
            List.of(client),
            List.of(),
            null,
            null,
            null,
            null,
            null,
            null);
    clients = new ServiceClients(properties, encoder);
  }

  @Test
  void aSecretThatPassedOnceIsNotHashedAgain() {
    assertThat(clients.authenticate("order-service", "order-secret")).isPresent();
    assertThat(clients.authenticate("order-service", "order-secret")).isPresent();
    assertThat(clients.authenticate("order-service", "order-secret")).isPresent();
    assertThat(checks).hasValue(1);
  }

  @Test
  void aWrongSecretIsHashedEveryTimeAndRefusedEvenAfterTheRightOnePassed() {
    assertThat(clients.authenticate("order-service", "guess-1")).isEmpty();
    assertThat(clients.authenticate("order-service", "guess-1")).isEmpty();
    assertThat(checks).hasValue(2);
    assertThat(clients.authenticate("order-service", "order-secret")).isPresent();
    assertThat(clients.authenticate("order-service", "order-secretX")).isEmpty();
    assertThat(checks).hasValue(4);
  }

  @Test
  void anUnknownClientCostsAHashAndIsRefused() {
    assertThat(clients.authenticate("nobody", "order-secret")).isEmpty();
    assertThat(checks).hasValue(1);
  }
}
