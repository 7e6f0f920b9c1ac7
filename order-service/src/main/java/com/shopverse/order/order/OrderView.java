package com.shopverse.order.order;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An order as its shopper (or an admin) sees it. */
public record OrderView(
    UUID id,
    OrderStatus status,
    List<Line> lines,
    long totalMinor,
    String currency,
    Instant createdAt) {

  public record Line(
      String productId,
      String name,
      int quantity,
      long unitPriceMinor,
      String currency,
      long lineTotalMinor) {}

  public static OrderView of(Order order) {
    return new OrderView(
        order.id(),
        order.status(),
        order.lines().stream()
            .map(
                line ->
                    new Line(
                        line.productId(),
                        line.name(),
                        line.quantity(),
                        line.unitPriceMinor(),
                        line.currency(),
                        line.totalMinor()))
            .toList(),
        order.totalMinor(),
        order.currency(),
        order.createdAt());
  }
}
