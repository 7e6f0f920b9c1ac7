package com.shopverse.auth.token;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The signing keys in memory: read from PostgreSQL once, not on every login or JWKS request (each
 * read takes a transaction, an advisory lock and RSA key decoding). Key rotation, when it comes,
 * replaces the list here after writing the new key.
 */
@Component
class KeyRing {

  private final SigningKeys store;
  private volatile List<SigningKey> keys;

  KeyRing(SigningKeys store) {
    this.store = store;
  }

  /** The key that signs new tokens. */
  SigningKey current() {
    return all().get(0);
  }

  /** Every key whose tokens may still be alive, newest first. */
  List<SigningKey> all() {
    List<SigningKey> loaded = keys;
    if (loaded == null) {
      synchronized (this) {
        if (keys == null) {
          keys = List.copyOf(store.loadOrCreate());
        }
        loaded = keys;
      }
    }
    return loaded;
  }
}
