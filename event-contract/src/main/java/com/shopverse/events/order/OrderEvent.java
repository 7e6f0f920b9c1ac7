package com.shopverse.events.order;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.UUID;

/**
 * Something that happened to an order, on topic {@code order-events} keyed by {@link #orderId()}.
 * The envelope is the same for every type: {@code type} (the record's name, e.g. {@code
 * OrderPlaced}), {@code eventId} (consumers deduplicate by it), {@code schemaVersion}, {@code
 * occurredAt}, {@code orderId}, {@code userId}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = OrderPlaced.class, name = "OrderPlaced"),
  @JsonSubTypes.Type(value = OrderPaid.class, name = "OrderPaid"),
  @JsonSubTypes.Type(value = OrderShipped.class, name = "OrderShipped"),
  @JsonSubTypes.Type(value = OrderDelivered.class, name = "OrderDelivered"),
  @JsonSubTypes.Type(value = OrderCancelled.class, name = "OrderCancelled"),
  @JsonSubTypes.Type(value = CheckoutFailed.class, name = "CheckoutFailed")
})
public sealed interface OrderEvent
    permits OrderPlaced, OrderPaid, OrderShipped, OrderDelivered, OrderCancelled, CheckoutFailed {

  int SCHEMA_VERSION = 1;

  UUID eventId();

  Instant occurredAt();

  int schemaVersion();

  UUID orderId();

  String userId();
}
