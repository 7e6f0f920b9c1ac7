package com.shopverse.auth.refresh;

import com.shopverse.auth.AuthProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Refresh tokens in PostgreSQL. A token is 256 random bits in base64url without padding: 43
 * characters of {@code [A-Za-z0-9_-]}, never a dot, so no JWT parser can mistake it for a token it
 * should verify. Only its SHA-256 is stored (a fast hash is enough for 256 random bits).
 */
@Component
public class RefreshTokens {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int MAX_LENGTH = 128;

  private final JdbcClient jdbc;
  private final AuthProperties properties;

  RefreshTokens(JdbcClient jdbc, AuthProperties properties) {
    this.jdbc = jdbc;
    this.properties = properties;
  }

  /** What became of one use of a refresh token. */
  public enum Outcome {
    ROTATED,
    /** Already used once: the family is revoked now. */
    REUSED,
    REVOKED,
    EXPIRED,
    UNKNOWN
  }

  /** The outcome; for {@link Outcome#ROTATED} also whose token it was and its successor. */
  public record Rotation(Outcome outcome, UUID userId, String refreshToken) {

    static Rotation failed(Outcome outcome) {
      return new Rotation(outcome, null, null);
    }

    /** Never the successor token, wherever this gets printed. */
    @Override
    public String toString() {
      return "Rotation[outcome=" + outcome + ", userId=" + userId + "]";
    }
  }

  /** Starts a new family (one login) and returns its first token. */
  @Transactional
  public String startFamily(UUID userId) {
    UUID family = UUID.randomUUID();
    jdbc.sql("INSERT INTO refresh_token_families (id, user_id) VALUES (?, ?)")
        .params(family, userId)
        .update();
    return add(family);
  }

  /**
   * Uses the token: marks it used and returns a new one of the same family. Of two concurrent uses
   * exactly one wins: the conditional UPDATE locks the row, and the loser re-evaluates {@code
   * used_at IS NULL} on the winner's committed row, finds it false and counts as reuse.
   */
  @Transactional
  public Rotation rotate(String token) {
    if (token.length() > MAX_LENGTH) {
      return Rotation.failed(Outcome.UNKNOWN);
    }
    byte[] hash = hash(token);
    Optional<Used> won =
        jdbc.sql(
                """
                UPDATE refresh_tokens t SET used_at = now()
                  FROM refresh_token_families f
                 WHERE t.token_hash = ? AND t.used_at IS NULL AND t.expires_at > now()
                   AND f.id = t.family_id AND f.revoked_at IS NULL
                RETURNING t.family_id, f.user_id""")
            .param(hash)
            .query((rs, n) -> new Used(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
            .optional();
    if (won.isPresent()) {
      return new Rotation(Outcome.ROTATED, won.get().userId(), add(won.get().family()));
    }
    return jdbc.sql(
            """
            SELECT t.family_id, t.used_at IS NOT NULL AS used, f.revoked_at IS NOT NULL AS revoked
              FROM refresh_tokens t JOIN refresh_token_families f ON f.id = t.family_id
             WHERE t.token_hash = ?""")
        .param(hash)
        .query(
            (rs, n) -> {
              if (rs.getBoolean("revoked")) {
                return Rotation.failed(Outcome.REVOKED);
              }
              if (rs.getBoolean("used")) {
                // Two parties hold this family (a thief and the shopper): end it for both.
                revokeFamily(rs.getObject("family_id", UUID.class));
                return Rotation.failed(Outcome.REUSED);
              }
              return Rotation.failed(Outcome.EXPIRED);
            })
        .optional()
        .orElse(Rotation.failed(Outcome.UNKNOWN));
  }

  /** Revokes the token's family (logout); an unknown token changes nothing. */
  @Transactional
  public void revoke(String token) {
    if (token.length() > MAX_LENGTH) {
      return;
    }
    jdbc.sql(
            """
            UPDATE refresh_token_families SET revoked_at = now()
             WHERE revoked_at IS NULL
               AND id = (SELECT family_id FROM refresh_tokens WHERE token_hash = ?)""")
        .param(hash(token))
        .update();
  }

  /** Deletes tokens expired for a day and families left empty (their reuse can harm no one). */
  @Transactional
  public int purgeExpired() {
    int tokens =
        jdbc.sql("DELETE FROM refresh_tokens WHERE expires_at < now() - interval '1 day'").update();
    jdbc.sql(
            """
            DELETE FROM refresh_token_families f
             WHERE NOT EXISTS (SELECT 1 FROM refresh_tokens t WHERE t.family_id = f.id)
               AND f.created_at < now() - interval '1 day'""")
        .update();
    return tokens;
  }

  private void revokeFamily(UUID family) {
    jdbc.sql(
            "UPDATE refresh_token_families SET revoked_at = now() WHERE id = ? AND revoked_at IS NULL")
        .param(family)
        .update();
  }

  private String add(UUID family) {
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    jdbc.sql(
            """
            INSERT INTO refresh_tokens (token_hash, family_id, expires_at)
            VALUES (?, ?, now() + make_interval(secs => ?))""")
        .params(hash(token), family, properties.refreshTokenTtl().toMillis() / 1000.0)
        .update();
    return token;
  }

  private static byte[] hash(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private record Used(UUID family, UUID userId) {}
}
