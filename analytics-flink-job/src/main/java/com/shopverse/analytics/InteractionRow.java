package com.shopverse.analytics;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One row of ClickHouse's {@code interactions} table. Plain fields only, so Flink serializes it as
 * a POJO without Kryo; null fields are left out of the JSON and take the column default. {@code
 * eventTimeMs} is the time the pipeline windows by: {@code occurredMs}, unless the client's clock
 * ran far ahead of the server's (see {@code InteractionReading}). {@code traceId} is the W3C trace
 * id of the request that sent the event (from the Kafka record's {@code traceparent} header).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InteractionRow(
    @JsonProperty("event_id") String eventId,
    @JsonProperty("type") String type,
    @JsonProperty("schema_version") int schemaVersion,
    @JsonProperty("event_date") String eventDate,
    @JsonProperty("occurred_at") long occurredAtSeconds,
    @JsonProperty("occurred_ms") long occurredMs,
    @JsonProperty("received_ms") long receivedMs,
    @JsonProperty("user_id") String userId,
    @JsonProperty("anonymous_id") String anonymousId,
    @JsonProperty("session_id") String sessionId,
    @JsonProperty("product_id") String productId,
    @JsonProperty("category_id") String categoryId,
    @JsonProperty("quantity") Integer quantity,
    @JsonProperty("price_minor") Long priceMinor,
    @JsonProperty("currency") String currency,
    @JsonProperty("query") String query,
    @JsonProperty("source") String source,
    @JsonProperty("trace_id") String traceId,
    @JsonIgnore long eventTimeMs) {}
