package com.shopverse.events.auth;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.UUID;

/**
 * Something that happened at sign-in, on topic {@code auth-events} keyed by {@link #clientIp()}.
 * The JSON carries {@code type} (the record's name) beside the envelope ({@code eventId}, {@code
 * occurredAt}, {@code schemaVersion}). Documented in {@code docs/events.md}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = LoginFailed.class, name = "LoginFailed")})
public sealed interface AuthEvent permits LoginFailed {

  int SCHEMA_VERSION = 1;

  /** Unique per event; consumers deduplicate by it (the outbox publishes at least once). */
  UUID eventId();

  /** When auth-service decided. */
  Instant occurredAt();

  int schemaVersion();

  /**
   * The client's address as the gateway saw it (the address its rate limiter buckets by), or the
   * TCP peer for a call that did not come through the gateway. The Kafka key.
   */
  String clientIp();
}
