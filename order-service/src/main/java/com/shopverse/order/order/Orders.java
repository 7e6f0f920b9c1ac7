package com.shopverse.order.order;

import com.shopverse.events.Topics;
import com.shopverse.events.order.OrderEvent;
import com.shopverse.outbox.Outbox;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The orders, with their lines; saving one also appends its recorded events to the outbox. */
@Repository
public class Orders {

  private static final String COLUMNS =
      "id, user_id, status, total_minor, currency, reservation_id, payment_id, created_at, version";

  private final JdbcClient jdbc;
  private final Outbox outbox;

  Orders(JdbcClient jdbc, Outbox outbox) {
    this.jdbc = jdbc;
    this.outbox = outbox;
  }

  /**
   * Writes the order (insert if new, else its status with an optimistic version check) and appends
   * each event it recorded to the outbox, all in the caller's transaction.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void save(Order order) {
    if (order.isNew()) {
      insert(order);
    } else {
      int updated =
          jdbc.sql(
                  "UPDATE orders SET status = ?, payment_id = ?, updated_at = now(),"
                      + " version = version + 1 WHERE id = ? AND version = ?")
              .params(order.status().name(), order.paymentId(), order.id(), order.version())
              .update();
      if (updated == 0) {
        throw new OptimisticLockingFailureException("Order " + order.id() + " changed meanwhile");
      }
    }
    for (OrderEvent event : order.events()) {
      outbox.append(Topics.ORDER_EVENTS, order.id().toString(), event.eventId().toString(), event);
    }
    order.clearEvents();
  }

  private void insert(Order order) {
    jdbc.sql(
            "INSERT INTO orders (id, user_id, status, total_minor, currency, reservation_id,"
                + " payment_id, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")
        .params(
            order.id(),
            order.userId(),
            order.status().name(),
            order.totalMinor(),
            order.currency(),
            order.reservationId(),
            order.paymentId(),
            Timestamp.from(order.createdAt()),
            Timestamp.from(order.createdAt()))
        .update();
    int lineNo = 0;
    for (OrderLine line : order.lines()) {
      jdbc.sql(
              "INSERT INTO order_lines (order_id, line_no, product_id, name, quantity,"
                  + " unit_price_minor, currency) VALUES (?, ?, ?, ?, ?, ?, ?)")
          .params(
              order.id(),
              ++lineNo,
              line.productId(),
              line.name(),
              line.quantity(),
              line.unitPriceMinor(),
              line.currency())
          .update();
    }
  }

  /** The shopper's order; empty if it does not exist or belongs to someone else. */
  public Optional<Order> ofShopper(UUID id, String userId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM orders WHERE id = ? AND user_id = ?")
        .params(id, userId)
        .query((rs, n) -> order(rs, List.of()))
        .optional()
        .map(o -> withLines(o, lines(o.id())));
  }

  /** The order, locked for this transaction so transitions on it run one after another. */
  @Transactional(propagation = Propagation.MANDATORY)
  public Optional<Order> lock(UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM orders WHERE id = ? FOR UPDATE")
        .param(id)
        .query((rs, n) -> order(rs, List.of()))
        .optional()
        .map(o -> withLines(o, lines(o.id())));
  }

  /**
   * One page of the shopper's orders, newest first, after the keyset position ({@code createdAt},
   * {@code id}) if given.
   */
  List<Order> page(String userId, Instant afterCreatedAt, UUID afterId, int limit) {
    List<Order> orders =
        afterCreatedAt == null
            ? jdbc.sql(
                    "SELECT "
                        + COLUMNS
                        + " FROM orders WHERE user_id = ? ORDER BY created_at DESC, id DESC LIMIT ?")
                .params(userId, limit)
                .query((rs, n) -> order(rs, List.of()))
                .list()
            : jdbc.sql(
                    "SELECT "
                        + COLUMNS
                        + " FROM orders WHERE user_id = ? AND (created_at, id) < (?, ?)"
                        + " ORDER BY created_at DESC, id DESC LIMIT ?")
                .params(userId, Timestamp.from(afterCreatedAt), afterId, limit)
                .query((rs, n) -> order(rs, List.of()))
                .list();
    if (orders.isEmpty()) {
      return orders;
    }
    Map<UUID, List<OrderLine>> lines = lines(orders.stream().map(Order::id).toList());
    return orders.stream().map(o -> withLines(o, lines.getOrDefault(o.id(), List.of()))).toList();
  }

  /** Cancelled orders whose stock has not been handed back to the catalog yet. */
  List<Order> awaitingStockRelease(int limit) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM orders WHERE status = 'CANCELLED' AND NOT stock_released"
                + " AND reservation_id IS NOT NULL ORDER BY updated_at LIMIT ?")
        .param(limit)
        .query((rs, n) -> order(rs, List.of()))
        .list();
  }

  void markStockReleased(UUID id) {
    jdbc.sql("UPDATE orders SET stock_released = true WHERE id = ?").param(id).update();
  }

  private List<OrderLine> lines(UUID orderId) {
    return lines(List.of(orderId)).getOrDefault(orderId, List.of());
  }

  private Map<UUID, List<OrderLine>> lines(List<UUID> orderIds) {
    return jdbc
        .sql(
            "SELECT order_id, product_id, name, quantity, unit_price_minor, currency"
                + " FROM order_lines WHERE order_id IN (:ids) ORDER BY order_id, line_no")
        .param("ids", orderIds)
        .query(
            (rs, n) ->
                Map.entry(
                    rs.getObject("order_id", UUID.class),
                    new OrderLine(
                        rs.getString("product_id"),
                        rs.getString("name"),
                        rs.getInt("quantity"),
                        rs.getLong("unit_price_minor"),
                        rs.getString("currency"))))
        .list()
        .stream()
        .collect(
            Collectors.groupingBy(
                Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
  }

  private static Order withLines(Order o, List<OrderLine> lines) {
    return new Order(
        o.id(),
        o.userId(),
        o.status(),
        lines,
        o.totalMinor(),
        o.currency(),
        o.reservationId(),
        o.paymentId(),
        o.createdAt(),
        o.version());
  }

  private static Order order(ResultSet rs, List<OrderLine> lines) throws SQLException {
    return new Order(
        rs.getObject("id", UUID.class),
        rs.getString("user_id"),
        OrderStatus.valueOf(rs.getString("status")),
        lines,
        rs.getLong("total_minor"),
        rs.getString("currency"),
        rs.getObject("reservation_id", UUID.class),
        rs.getString("payment_id"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getLong("version"));
  }
}
