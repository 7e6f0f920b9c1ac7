package com.shopverse.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/**
 * One shopper interaction on topic {@link Topics#USER_INTERACTIONS}, schema version {@link
 * #SCHEMA_VERSION}. The envelope ({@code eventId}, {@code type}, {@code schemaVersion}, {@code
 * occurredAt}, {@code receivedAt}, shopper ids) is the same for every type; the other fields are
 * filled as the type needs them. Documented in {@code docs/events.md}.
 *
 * @param eventId unique per interaction; a client retry reuses it so consumers count it once
 * @param occurredAt the client's clock
 * @param receivedAt the ingest server's clock, set on acceptance
 * @param userId the authenticated shopper, always taken from the token
 * @param anonymousId a browser-scoped id for shoppers who are not logged in
 * @param priceMinor price in minor units (cents) of {@code currency}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InteractionEvent(
    UUID eventId,
    InteractionType type,
    int schemaVersion,
    Instant occurredAt,
    Instant receivedAt,
    String userId,
    String anonymousId,
    String sessionId,
    String productId,
    String categoryId,
    Integer quantity,
    Long priceMinor,
    String currency,
    String query,
    EventSource source) {

  public static final int SCHEMA_VERSION = 1;

  /** The Kafka key: the shopper, so that one shopper's events stay in order on one partition. */
  public String shopperKey() {
    return userId != null ? userId : anonymousId;
  }
}
