package com.shopverse.auth.token;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The RSA keys, kept in PostgreSQL so that tokens stay valid across restarts and replicas, and
 * every key that may still have live tokens is published. Every change happens under one advisory
 * lock, so replicas never both create a first key or both rotate a due one.
 */
@Repository
class SigningKeys {

  private static final long LOCK = 4711;

  private final JdbcClient jdbc;

  SigningKeys(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The keys after a maintenance pass; {@code rotated} when this pass replaced a due key. */
  record Maintained(List<SigningKey> keys, boolean rotated) {}

  /**
   * Drops keys retired longer ago than {@code retention}, creates the first key on an empty table
   * (signing at once), rotates when the newest key is older than {@code rotationInterval} (the new
   * key signing after {@code activationDelay}); then the keys still published, newest first.
   */
  @Transactional
  Maintained maintain(Duration rotationInterval, Duration retention, Duration activationDelay) {
    lock();
    dropExpired(retention);
    String state =
        jdbc.sql(
                """
                SELECT CASE WHEN count(*) = 0 THEN 'none'
                            WHEN bool_and(created_at <= now() - make_interval(secs => ?)) THEN 'due'
                            ELSE 'fresh' END
                  FROM signing_keys WHERE retired_at IS NULL""")
            .param(seconds(rotationInterval))
            .query(String.class)
            .single();
    boolean rotated = state.equals("due");
    if (rotated || state.equals("none")) {
      addAndRetireOthers(generate(), rotated ? activationDelay : Duration.ZERO);
    }
    return new Maintained(load(retention), rotated);
  }

  /**
   * Adds a new key that signs after {@code activationDelay} (an admin's request; zero = now), the
   * others retiring then; the keys still published, newest first.
   */
  @Transactional
  List<SigningKey> rotate(Duration retention, Duration activationDelay) {
    lock();
    dropExpired(retention);
    addAndRetireOthers(generate(), activationDelay);
    return load(retention);
  }

  private void lock() {
    jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(LOCK).query().singleRow();
  }

  private void dropExpired(Duration retention) {
    jdbc.sql("DELETE FROM signing_keys WHERE retired_at < now() - make_interval(secs => ?)")
        .param(seconds(retention))
        .update();
  }

  private List<SigningKey> load(Duration retention) {
    return jdbc.sql(
            """
            SELECT kid, public_key, private_key, activates_at FROM signing_keys
             WHERE retired_at IS NULL OR retired_at >= now() - make_interval(secs => ?)
             ORDER BY activates_at DESC, created_at DESC""")
        .param(seconds(retention))
        .query(
            (rs, n) ->
                decode(
                    rs.getString("kid"),
                    rs.getString("public_key"),
                    rs.getString("private_key"),
                    rs.getTimestamp("activates_at").toInstant()))
        .list();
  }

  private void addAndRetireOthers(SigningKey key, Duration activationDelay) {
    // now() is the transaction's start: the others retire exactly when the new key activates.
    jdbc.sql(
            """
            UPDATE signing_keys SET retired_at = now() + make_interval(secs => ?)
             WHERE retired_at IS NULL""")
        .param(seconds(activationDelay))
        .update();
    Base64.Encoder base64 = Base64.getEncoder();
    jdbc.sql(
            """
            INSERT INTO signing_keys (kid, public_key, private_key, activates_at)
            VALUES (?, ?, ?, now() + make_interval(secs => ?))""")
        .params(
            key.kid(),
            base64.encodeToString(key.publicKey().getEncoded()),
            base64.encodeToString(key.privateKey().getEncoded()),
            seconds(activationDelay))
        .update();
  }

  private static double seconds(Duration duration) {
    return duration.toMillis() / 1000.0;
  }

  static SigningKey generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      var pair = generator.generateKeyPair();
      return new SigningKey(
          UUID.randomUUID().toString(),
          (RSAPublicKey) pair.getPublic(),
          (RSAPrivateKey) pair.getPrivate(),
          Instant.EPOCH); // not stored: the insert sets activates_at, and keys are read back

    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static SigningKey decode(
      String kid, String publicKey, String privateKey, Instant activatesAt) {
    try {
      KeyFactory rsa = KeyFactory.getInstance("RSA");
      Base64.Decoder base64 = Base64.getDecoder();
      return new SigningKey(
          kid,
          (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(base64.decode(publicKey))),
          (RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(base64.decode(privateKey))),
          activatesAt);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Stored signing key " + kid + " is unreadable", e);
    }
  }
}
