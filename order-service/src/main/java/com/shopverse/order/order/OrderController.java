package com.shopverse.order.order;

import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A shopper's own orders; the shopper is always the token's subject. Checkout comes later. */
@RestController
class OrderController {

  private final Orders orders;

  OrderController(Orders orders) {
    this.orders = orders;
  }

  @GetMapping("/api/orders")
  List<OrderSummary> mine(@AuthenticationPrincipal Jwt jwt) {
    return orders.of(jwt.getSubject());
  }
}
