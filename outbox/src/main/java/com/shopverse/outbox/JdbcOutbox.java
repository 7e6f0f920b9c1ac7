package com.shopverse.outbox;

import java.util.Objects;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes outbox rows with the caller's connection (same DataSource, same transaction) and, after
 * the commit, wakes the relay so the event leaves without waiting for the next poll.
 */
@Transactional(propagation = Propagation.MANDATORY)
public class JdbcOutbox implements Outbox {

  private static final String INSERT =
      "INSERT INTO outbox (event_id, topic, message_key, payload, created_at)"
          + " VALUES (?, ?, ?, ?, clock_timestamp())";

  private final JdbcTemplate jdbc;
  private final JsonMapper json;
  private final Runnable afterCommit;

  public JdbcOutbox(JdbcTemplate jdbc, JsonMapper json, Runnable afterCommit) {
    this.jdbc = jdbc;
    this.json = json;
    this.afterCommit = afterCommit;
  }

  @Override
  public void append(String topic, String key, String eventId, Object event) {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(event, "event");
    UUID id = UUID.fromString(Objects.requireNonNull(eventId, "eventId"));
    // Also checked here so that the rule holds even where no transaction proxy was applied.
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalTransactionStateException(
          "Outbox.append must run inside the transaction that changes the business rows");
    }
    jdbc.update(INSERT, id, topic, key, json.writeValueAsString(event));
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            afterCommit.run();
          }
        });
  }
}
