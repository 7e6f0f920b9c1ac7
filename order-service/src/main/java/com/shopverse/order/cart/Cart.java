package com.shopverse.order.cart;

import java.util.List;

/** A shopper's stored cart: its lines and the version that changes with every edit. */
public record Cart(String userId, long version, List<CartLine> lines) {

  public Cart {
    lines = List.copyOf(lines);
  }

  public boolean isEmpty() {
    return lines.isEmpty();
  }
}
