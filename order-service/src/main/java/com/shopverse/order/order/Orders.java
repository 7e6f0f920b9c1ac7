package com.shopverse.order.order;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Orders {

  private final JdbcClient jdbc;

  Orders(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<OrderSummary> of(String userId) {
    return jdbc.sql(
            "SELECT id, status, total_minor, currency, created_at FROM orders WHERE user_id = ?"
                + " ORDER BY created_at DESC LIMIT 100")
        .param(userId)
        .query(
            (rs, n) ->
                new OrderSummary(
                    rs.getObject("id", java.util.UUID.class),
                    rs.getString("status"),
                    rs.getLong("total_minor"),
                    rs.getString("currency"),
                    rs.getTimestamp("created_at").toInstant()))
        .list();
  }
}
