package com.shopverse.order.order;

import com.shopverse.defaults.ProblemDetailsAdvice;
import com.shopverse.defaults.ProblemException;
import com.shopverse.order.Problems;
import com.shopverse.order.Shopper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A shopper's own orders (another shopper's order is "not found"), their cancellation, and the
 * admin-only shipping transitions.
 */
@RestController
class OrderController {

  static final int MAX_PAGE = 100;

  private final Orders orders;
  private final OrderTransitions transitions;

  OrderController(Orders orders, OrderTransitions transitions) {
    this.orders = orders;
    this.transitions = transitions;
  }

  /** One page of orders, newest first; {@code next} is the cursor for {@code after}, or null. */
  record Page(List<OrderView> items, String next) {}

  @GetMapping("/api/orders")
  Page mine(
      @AuthenticationPrincipal Jwt jwt,
      @RequestParam(required = false) String after,
      @RequestParam(defaultValue = "20") String limit) {
    int size = limit(limit);
    Instant afterCreatedAt = null;
    UUID afterId = null;
    if (after != null) {
      String[] cursor = decode(after);
      afterCreatedAt = Instant.parse(cursor[0]);
      afterId = UUID.fromString(cursor[1]);
    }
    List<Order> page = orders.page(Shopper.id(jwt), afterCreatedAt, afterId, size);
    String next = page.size() == size ? encode(page.get(page.size() - 1)) : null;
    return new Page(page.stream().map(OrderView::of).toList(), next);
  }

  @GetMapping("/api/orders/{id}")
  OrderView one(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
    UUID orderId = orderId(id);
    return orders
        .ofShopper(orderId, Shopper.id(jwt))
        .map(OrderView::of)
        .orElseThrow(() -> OrderTransitions.notFound(orderId));
  }

  @PostMapping("/api/orders/{id}/cancel")
  OrderView cancel(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
    return OrderView.of(transitions.cancel(orderId(id), Shopper.id(jwt)));
  }

  @PostMapping("/api/orders/{id}/ship")
  OrderView ship(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
    requireAdmin(jwt);
    return OrderView.of(transitions.ship(orderId(id)));
  }

  @PostMapping("/api/orders/{id}/deliver")
  OrderView deliver(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
    requireAdmin(jwt);
    return OrderView.of(transitions.deliver(orderId(id)));
  }

  @ExceptionHandler(IllegalTransitionException.class)
  ResponseEntity<ProblemDetail> illegalTransition(IllegalTransitionException e) {
    ProblemDetail problem =
        ProblemDetailsAdvice.problem(HttpStatus.CONFLICT, "illegal-transition", e.getMessage());
    problem.setProperty("orderStatus", e.from().name());
    return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
  }

  @ExceptionHandler(ConcurrencyFailureException.class)
  ResponseEntity<ProblemDetail> concurrentChange(ConcurrencyFailureException e) {
    return ResponseEntity.status(HttpStatus.CONFLICT)
        .body(
            ProblemDetailsAdvice.problem(
                HttpStatus.CONFLICT,
                "concurrent-update",
                "The order changed while this request ran; read it and retry."));
  }

  private static void requireAdmin(Jwt jwt) {
    if (!Shopper.isAdmin(jwt)) {
      throw new ProblemException(
          HttpStatus.FORBIDDEN, "forbidden", "Only an admin may change an order's shipping.");
    }
  }

  private static UUID orderId(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new ProblemException(HttpStatus.NOT_FOUND, "order-not-found", "No order " + id + ".");
    }
  }

  private static int limit(String limit) {
    try {
      int size = Integer.parseInt(limit);
      if (size >= 1 && size <= MAX_PAGE) {
        return size;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw Problems.invalidField("limit", "must be between 1 and " + MAX_PAGE);
  }

  private static String encode(Order last) {
    String cursor = last.createdAt() + "|" + last.id();
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(cursor.getBytes(StandardCharsets.UTF_8));
  }

  private static String[] decode(String after) {
    try {
      String[] parts =
          new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8).split("\\|");
      Instant.parse(parts[0]);
      UUID.fromString(parts[1]);
      return parts;
    } catch (RuntimeException e) {
      throw Problems.invalidField("after", "is not a cursor this API returned");
    }
  }
}
