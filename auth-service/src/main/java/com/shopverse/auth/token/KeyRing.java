package com.shopverse.auth.token;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.shopverse.auth.AuthProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * The signing keys in memory, so a login or a JWKS request never waits on the database. Every
 * {@code key-refresh-interval} each replica re-reads them (rotating when the signing key is due,
 * dropping keys whose tokens have all expired), so a rotation done by one replica reaches the
 * others within one interval. If the database cannot be reached the keys in memory stay in use.
 */
@Component
class KeyRing implements SchedulingConfigurer {

  private static final Logger log = LoggerFactory.getLogger(KeyRing.class);

  private final SigningKeys store;
  private final AuthProperties properties;
  private final MeterRegistry meters;
  private volatile Loaded loaded;

  KeyRing(SigningKeys store, AuthProperties properties, MeterRegistry meters) {
    this.store = store;
    this.properties = properties;
    this.meters = meters;
  }

  /** The keys and their public JWKS, swapped together. */
  private record Loaded(List<SigningKey> keys, JWKSet publicJwks) {

    static Loaded of(List<SigningKey> keys) {
      List<JWK> jwks =
          keys.stream()
              .map(
                  key ->
                      (JWK)
                          new RSAKey.Builder(key.publicKey())
                              .keyID(key.kid())
                              .keyUse(KeyUse.SIGNATURE)
                              .algorithm(JWSAlgorithm.RS256)
                              .build())
              .toList();
      return new Loaded(List.copyOf(keys), new JWKSet(jwks));
    }
  }

  /**
   * The key that signs new tokens: the newest one already active. A rotated-in key is published
   * first and signs only from its {@code activatesAt}, between two re-reads if need be.
   */
  SigningKey current() {
    List<SigningKey> keys = loaded().keys();
    Instant now = Instant.now();
    for (SigningKey key : keys) {
      if (!key.activatesAt().isAfter(now)) {
        return key;
      }
    }
    return keys.get(keys.size() - 1);
  }

  /** Every key whose tokens may still be alive, the signing one first. */
  List<SigningKey> all() {
    return loaded().keys();
  }

  /** The public halves of {@link #all()}. */
  JWKSet publicJwks() {
    return loaded().publicJwks();
  }

  /**
   * Adds a signing key that signs after {@code activationDelay} (zero: now); the new key.
   * Synchronized with {@link #refresh()} so a refresh that read the keys before this rotation
   * cannot put the old list back after it.
   */
  synchronized SigningKey rotate(Duration activationDelay) {
    loaded = Loaded.of(store.rotate(properties.retiredKeyRetention(), activationDelay));
    counted("admin");
    SigningKey added = loaded.keys().get(0);
    log.info("Signing key rotated on request; {} signs from {}", added.kid(), added.activatesAt());
    return added;
  }

  /** Re-reads the keys, rotating if the signing key is older than the rotation interval. */
  synchronized void refresh() {
    SigningKeys.Maintained maintained =
        store.maintain(
            properties.keyRotationInterval(),
            properties.retiredKeyRetention(),
            properties.keyActivationDelay());
    loaded = Loaded.of(maintained.keys());
    if (maintained.rotated()) {
      counted("schedule");
      SigningKey added = loaded.keys().get(0);
      log.info("Signing key was due; {} signs from {}", added.kid(), added.activatesAt());
    }
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addFixedDelayTask(
        () -> {
          try {
            refresh();
          } catch (RuntimeException e) {
            log.warn("Could not re-read the signing keys; keeping the ones in memory", e);
          }
        },
        properties.keyRefreshInterval());
  }

  private Loaded loaded() {
    Loaded current = loaded;
    if (current == null) {
      synchronized (this) {
        if (loaded == null) {
          refresh();
        }
        current = loaded;
      }
    }
    return current;
  }

  private void counted(String trigger) {
    meters.counter("shopverse.auth.keys.rotated", "trigger", trigger).increment();
  }
}
