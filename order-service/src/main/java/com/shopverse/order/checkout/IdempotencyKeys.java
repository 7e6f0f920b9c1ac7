package com.shopverse.order.checkout;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Idempotency keys with Stripe's semantics, per shopper. The first request with a key claims it
 * (IN_PROGRESS); its final answer is stored (DONE) and replayed to every later request with the
 * same key and body.
 */
@Repository
class IdempotencyKeys {

  private static final Logger log = LoggerFactory.getLogger(IdempotencyKeys.class);

  sealed interface Claim {}

  /** This request owns the key: run it. */
  record Proceed() implements Claim {}

  /** The key is done: answer with what the first request answered. */
  record Replay(StoredResponse response) implements Claim {}

  /** The first request with this key is still running. */
  record InFlight() implements Claim {}

  /** The key was used with a different request body. */
  record Mismatch() implements Claim {}

  private final JdbcClient jdbc;
  private final IdempotencyProperties properties;

  IdempotencyKeys(JdbcClient jdbc, IdempotencyProperties properties) {
    this.jdbc = jdbc;
    this.properties = properties;
  }

  @Transactional
  Claim claim(String userId, String key, String requestHash) {
    int inserted =
        jdbc.sql(
                "INSERT INTO idempotency_keys (user_id, idempotency_key, request_hash, state)"
                    + " VALUES (?, ?, ?, 'IN_PROGRESS') ON CONFLICT DO NOTHING")
            .params(userId, key, requestHash)
            .update();
    if (inserted == 1) {
      return new Proceed();
    }
    record Row(
        String hash,
        String state,
        Integer status,
        String type,
        String body,
        String location,
        Instant lockedAt) {}
    Optional<Row> found =
        jdbc.sql(
                "SELECT request_hash, state, response_status, response_type, response_body,"
                    + " location, locked_at FROM idempotency_keys"
                    + " WHERE user_id = ? AND idempotency_key = ? FOR UPDATE")
            .params(userId, key)
            .query(
                (rs, n) ->
                    new Row(
                        rs.getString("request_hash"),
                        rs.getString("state"),
                        (Integer) rs.getObject("response_status"),
                        rs.getString("response_type"),
                        rs.getString("response_body"),
                        rs.getString("location"),
                        rs.getTimestamp("locked_at").toInstant()))
            .optional();
    if (found.isEmpty()) {
      // Forgotten between our insert and select (its first request failed retryably): ours now.
      return claim(userId, key, requestHash);
    }
    Row row = found.get();
    if (!row.hash().equals(requestHash)) {
      return new Mismatch();
    }
    if ("DONE".equals(row.state())) {
      return new Replay(new StoredResponse(row.status(), row.type(), row.body(), row.location()));
    }
    Instant stale = Instant.now().minus(properties.inFlightTimeout());
    if (row.lockedAt().isBefore(stale)) {
      jdbc.sql(
              "UPDATE idempotency_keys SET locked_at = now()"
                  + " WHERE user_id = ? AND idempotency_key = ?")
          .params(userId, key)
          .update();
      log.warn("Taking over idempotency key of a checkout presumed dead (user {})", userId);
      return new Proceed();
    }
    return new InFlight();
  }

  /** Stores the final answer; runs in the caller's transaction if there is one. */
  @Transactional
  void complete(String userId, String key, StoredResponse response) {
    jdbc.sql(
            "UPDATE idempotency_keys SET state = 'DONE', response_status = ?, response_type = ?,"
                + " response_body = ?, location = ? WHERE user_id = ? AND idempotency_key = ?")
        .params(
            response.status(),
            response.contentType(),
            response.body(),
            response.location(),
            userId,
            key)
        .update();
  }

  /** Drops a key whose request failed in a way worth retrying (5xx), so a retry runs afresh. */
  void forget(String userId, String key) {
    try {
      jdbc.sql(
              "DELETE FROM idempotency_keys WHERE user_id = ? AND idempotency_key = ?"
                  + " AND state = 'IN_PROGRESS'")
          .params(userId, key)
          .update();
    } catch (RuntimeException e) {
      // The database is what failed: the key stays IN_PROGRESS until in-flight-timeout passes.
      log.warn("Could not release idempotency key: {}", e.getMessage());
    }
  }

  @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
  void purgeExpired() {
    try {
      int purged =
          jdbc.sql("DELETE FROM idempotency_keys WHERE created_at < ?")
              .param(Timestamp.from(Instant.now().minus(properties.retention())))
              .update();
      if (purged > 0) {
        log.info("Purged {} expired idempotency keys", purged);
      }
    } catch (RuntimeException e) {
      log.warn("Could not purge idempotency keys: {}", e.getMessage());
    }
  }
}
