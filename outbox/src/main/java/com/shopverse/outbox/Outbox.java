package com.shopverse.outbox;

/**
 * Records an event to publish after the caller's transaction commits. The event row is written in
 * that transaction, so it commits (or rolls back) with the business rows; {@link OutboxRelay}
 * publishes it to Kafka at least once afterwards.
 */
public interface Outbox {

  /**
   * Appends one event. Must be called inside a Spring-managed transaction on the service's
   * DataSource; without one it throws {@link
   * org.springframework.transaction.IllegalTransactionStateException}.
   *
   * @param topic the Kafka topic
   * @param key the Kafka record key (events with the same key are published in append order)
   * @param eventId a UUID, unique per event; consumers deduplicate by it (sent as the {@code
   *     eventId} header too)
   * @param event serialized as JSON with the application's Jackson mapper
   */
  void append(String topic, String key, String eventId, Object event);
}
