package com.shopverse.order.cart;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The carts, one per shopper. Every edit bumps the cart's version. */
@Repository
public class Carts {

  private final JdbcClient jdbc;

  Carts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Cart of(String userId) {
    long version =
        jdbc.sql("SELECT version FROM carts WHERE user_id = ?")
            .param(userId)
            .query(Long.class)
            .optional()
            .orElse(0L);
    List<CartLine> lines =
        jdbc.sql(
                "SELECT product_id, quantity FROM cart_lines WHERE user_id = ?"
                    + " ORDER BY added_at, product_id")
            .param(userId)
            .query((rs, n) -> new CartLine(rs.getString("product_id"), rs.getInt("quantity")))
            .list();
    return new Cart(userId, version, lines);
  }

  /**
   * Adds {@code quantity} to the line (creating it). Returns the line's new quantity, or -1 if the
   * result would exceed {@code maxQuantity} or the cart already has {@code maxLines} other lines
   * (nothing changes then).
   */
  @Transactional
  int add(String userId, String productId, int quantity, int maxQuantity, int maxLines) {
    lockCart(userId);
    int current = quantityOf(userId, productId);
    if (current + quantity > maxQuantity || (current == 0 && lineCount(userId) >= maxLines)) {
      return -1;
    }
    upsert(userId, productId, current + quantity);
    return current + quantity;
  }

  /** Sets the line's quantity (creating it); false if that would exceed {@code maxLines}. */
  @Transactional
  boolean set(String userId, String productId, int quantity, int maxLines) {
    lockCart(userId);
    if (quantityOf(userId, productId) == 0 && lineCount(userId) >= maxLines) {
      return false;
    }
    upsert(userId, productId, quantity);
    return true;
  }

  @Transactional
  void remove(String userId, String productId) {
    lockCart(userId);
    jdbc.sql("DELETE FROM cart_lines WHERE user_id = ? AND product_id = ?")
        .params(userId, productId)
        .update();
  }

  /**
   * Empties the cart if it is still at {@code version} (nobody edited it since it was priced). Runs
   * in the caller's transaction. False if the cart changed meanwhile.
   */
  public boolean clearIfUnchanged(String userId, long version) {
    int updated =
        jdbc.sql(
                "UPDATE carts SET version = version + 1, updated_at = now()"
                    + " WHERE user_id = ? AND version = ?")
            .params(userId, version)
            .update();
    if (updated == 0) {
      return false;
    }
    jdbc.sql("DELETE FROM cart_lines WHERE user_id = ?").param(userId).update();
    return true;
  }

  /** Creates the cart row if needed and locks it, bumping its version, for this transaction. */
  private void lockCart(String userId) {
    jdbc.sql(
            "INSERT INTO carts (user_id, version) VALUES (?, 1) ON CONFLICT (user_id)"
                + " DO UPDATE SET version = carts.version + 1, updated_at = now()")
        .param(userId)
        .update();
  }

  private int quantityOf(String userId, String productId) {
    return jdbc.sql("SELECT quantity FROM cart_lines WHERE user_id = ? AND product_id = ?")
        .params(userId, productId)
        .query(Integer.class)
        .optional()
        .orElse(0);
  }

  private int lineCount(String userId) {
    return jdbc.sql("SELECT count(*) FROM cart_lines WHERE user_id = ?")
        .param(userId)
        .query(Integer.class)
        .single();
  }

  private void upsert(String userId, String productId, int quantity) {
    jdbc.sql(
            "INSERT INTO cart_lines (user_id, product_id, quantity) VALUES (?, ?, ?)"
                + " ON CONFLICT (user_id, product_id) DO UPDATE SET quantity = EXCLUDED.quantity")
        .params(userId, productId, quantity)
        .update();
  }
}
