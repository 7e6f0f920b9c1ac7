package com.shopverse.order.order;

import com.shopverse.events.order.OrderCancelled;
import com.shopverse.events.order.OrderDelivered;
import com.shopverse.events.order.OrderEvent;
import com.shopverse.events.order.OrderPaid;
import com.shopverse.events.order.OrderPlaced;
import com.shopverse.events.order.OrderShipped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * An order, the aggregate: it changes its own status and records one event per change. {@link
 * Orders#save} writes the order and appends its recorded events to the outbox in one transaction.
 */
public class Order {

  private final UUID id;
  private final String userId;
  private final List<OrderLine> lines;
  private final long totalMinor;
  private final String currency;
  private final UUID reservationId;
  private final Instant createdAt;
  private final long version;
  private OrderStatus status;
  private String paymentId;
  private final List<OrderEvent> events = new ArrayList<>();

  Order(
      UUID id,
      String userId,
      OrderStatus status,
      List<OrderLine> lines,
      long totalMinor,
      String currency,
      UUID reservationId,
      String paymentId,
      Instant createdAt,
      long version) {
    this.id = id;
    this.userId = userId;
    this.status = status;
    this.lines = List.copyOf(lines);
    this.totalMinor = totalMinor;
    this.currency = currency;
    this.reservationId = reservationId;
    this.paymentId = paymentId;
    this.createdAt = createdAt;
    this.version = version;
  }

  /** A new order for reserved stock, PENDING until paid. Records {@link OrderPlaced}. */
  public static Order place(
      UUID id, String userId, List<OrderLine> lines, UUID reservationId, Instant now) {
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("An order needs at least one line");
    }
    String currency = lines.get(0).currency();
    if (lines.stream().anyMatch(line -> !line.currency().equals(currency))) {
      throw new IllegalArgumentException("An order is priced in one currency");
    }
    long total = lines.stream().mapToLong(OrderLine::totalMinor).reduce(0, Math::addExact);
    Order order =
        new Order(
            id, userId, OrderStatus.PENDING, lines, total, currency, reservationId, null, now, -1);
    order.events.add(
        new OrderPlaced(
            UUID.randomUUID(),
            now,
            OrderEvent.SCHEMA_VERSION,
            id,
            userId,
            lines.stream()
                .map(
                    line ->
                        new OrderPlaced.Line(
                            line.productId(), line.quantity(), line.unitPriceMinor()))
                .toList(),
            total,
            currency));
    return order;
  }

  /** PENDING → PAID. Records {@link OrderPaid}. */
  public void pay(String paymentId, Instant now) {
    move(Set.of(OrderStatus.PENDING), OrderStatus.PAID, "paid");
    this.paymentId = paymentId;
    events.add(
        new OrderPaid(
            UUID.randomUUID(),
            now,
            OrderEvent.SCHEMA_VERSION,
            id,
            userId,
            paymentId,
            totalMinor,
            currency));
  }

  /** PAID → SHIPPED. Records {@link OrderShipped}. */
  public void ship(Instant now) {
    move(Set.of(OrderStatus.PAID), OrderStatus.SHIPPED, "shipped");
    events.add(new OrderShipped(UUID.randomUUID(), now, OrderEvent.SCHEMA_VERSION, id, userId));
  }

  /** SHIPPED → DELIVERED. Records {@link OrderDelivered}. */
  public void deliver(Instant now) {
    move(Set.of(OrderStatus.SHIPPED), OrderStatus.DELIVERED, "delivered");
    events.add(new OrderDelivered(UUID.randomUUID(), now, OrderEvent.SCHEMA_VERSION, id, userId));
  }

  /** PENDING or PAID → CANCELLED. Records {@link OrderCancelled}. */
  public void cancel(Instant now) {
    OrderStatus previous = status;
    move(Set.of(OrderStatus.PENDING, OrderStatus.PAID), OrderStatus.CANCELLED, "cancelled");
    events.add(
        new OrderCancelled(
            UUID.randomUUID(), now, OrderEvent.SCHEMA_VERSION, id, userId, previous.name()));
  }

  private void move(Set<OrderStatus> from, OrderStatus to, String action) {
    if (!from.contains(status)) {
      throw new IllegalTransitionException(status, action);
    }
    status = to;
  }

  /** The events recorded since the order was loaded or placed, in order. */
  List<OrderEvent> events() {
    return List.copyOf(events);
  }

  void clearEvents() {
    events.clear();
  }

  boolean isNew() {
    return version < 0;
  }

  public UUID id() {
    return id;
  }

  public String userId() {
    return userId;
  }

  public OrderStatus status() {
    return status;
  }

  public List<OrderLine> lines() {
    return lines;
  }

  public long totalMinor() {
    return totalMinor;
  }

  public String currency() {
    return currency;
  }

  public UUID reservationId() {
    return reservationId;
  }

  public String paymentId() {
    return paymentId;
  }

  public Instant createdAt() {
    return createdAt;
  }

  long version() {
    return version;
  }
}
