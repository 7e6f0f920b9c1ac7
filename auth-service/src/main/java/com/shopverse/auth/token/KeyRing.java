package com.shopverse.auth.token;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.shopverse.auth.AuthProperties;
import io.micrometer.core.instrument.MeterRegistry;
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

  /** The key that signs new tokens. */
  SigningKey current() {
    return loaded().keys().get(0);
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
   * Replaces the signing key now; the new key's id. Synchronized with {@link #refresh()} so a
   * refresh that read the keys before this rotation cannot put the old list back after it.
   */
  synchronized String rotate() {
    loaded = Loaded.of(store.rotate(properties.retiredKeyRetention()));
    counted("admin");
    String kid = current().kid();
    log.info("Signing key rotated on request; {} signs now", kid);
    return kid;
  }

  /** Re-reads the keys, rotating if the signing key is older than the rotation interval. */
  synchronized void refresh() {
    SigningKeys.Maintained maintained =
        store.maintain(properties.keyRotationInterval(), properties.retiredKeyRetention());
    loaded = Loaded.of(maintained.keys());
    if (maintained.rotated()) {
      counted("schedule");
      log.info("Signing key was due; {} signs now", current().kid());
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
