package com.shopverse.auth.token;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The RSA keys, kept in PostgreSQL so that tokens stay valid across restarts and every key that may
 * still have live tokens is published. The newest key signs.
 */
@Repository
class SigningKeys {

  private final JdbcClient jdbc;

  SigningKeys(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** All keys, newest first; creates the first one on an empty table. */
  @Transactional
  List<SigningKey> loadOrCreate() {
    // The advisory lock keeps two replicas starting together from each creating a first key.
    jdbc.sql("SELECT pg_advisory_xact_lock(4711)").query().singleRow();
    List<SigningKey> keys = load();
    if (keys.isEmpty()) {
      add(generate());
      keys = load();
    }
    return keys;
  }

  private List<SigningKey> load() {
    return jdbc.sql(
            "SELECT kid, public_key, private_key FROM signing_keys ORDER BY created_at DESC")
        .query(
            (rs, n) ->
                decode(
                    rs.getString("kid"), rs.getString("public_key"), rs.getString("private_key")))
        .list();
  }

  private void add(SigningKey key) {
    Base64.Encoder base64 = Base64.getEncoder();
    jdbc.sql("INSERT INTO signing_keys (kid, public_key, private_key) VALUES (?, ?, ?)")
        .params(
            key.kid(),
            base64.encodeToString(key.publicKey().getEncoded()),
            base64.encodeToString(key.privateKey().getEncoded()))
        .update();
  }

  static SigningKey generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      var pair = generator.generateKeyPair();
      return new SigningKey(
          UUID.randomUUID().toString(),
          (RSAPublicKey) pair.getPublic(),
          (RSAPrivateKey) pair.getPrivate());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static SigningKey decode(String kid, String publicKey, String privateKey) {
    try {
      KeyFactory rsa = KeyFactory.getInstance("RSA");
      Base64.Decoder base64 = Base64.getDecoder();
      return new SigningKey(
          kid,
          (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(base64.decode(publicKey))),
          (RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(base64.decode(privateKey))));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Stored signing key " + kid + " is unreadable", e);
    }
  }
}
