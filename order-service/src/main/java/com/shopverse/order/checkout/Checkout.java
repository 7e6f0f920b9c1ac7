package com.shopverse.order.checkout;

import com.shopverse.defaults.ProblemDetailsAdvice;
import com.shopverse.defaults.ProblemException;
import com.shopverse.events.Topics;
import com.shopverse.events.order.CheckoutFailed;
import com.shopverse.events.order.OrderEvent;
import com.shopverse.order.Problems;
import com.shopverse.order.cart.Cart;
import com.shopverse.order.cart.CartLine;
import com.shopverse.order.cart.Carts;
import com.shopverse.order.catalog.CatalogClient;
import com.shopverse.order.catalog.CatalogException;
import com.shopverse.order.catalog.Reservation;
import com.shopverse.order.order.Order;
import com.shopverse.order.order.OrderLine;
import com.shopverse.order.order.OrderView;
import com.shopverse.order.order.Orders;
import com.shopverse.order.payment.PaymentProvider;
import com.shopverse.order.payment.PaymentRequest;
import com.shopverse.order.payment.PaymentResult;
import com.shopverse.order.payment.PaymentTimeoutException;
import com.shopverse.outbox.Outbox;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a shopper's cart into a paid order, once per idempotency key.
 *
 * <p>Reserve all lines at the catalog (all or nothing; the reservation's prices are the order's
 * snapshot), charge, confirm the reservation, then in one transaction: the order (placed and paid),
 * its events in the outbox, the emptied cart (only if nobody edited it meanwhile) and the stored
 * answer for the key. Any failure after the reservation hands the stock back; after a charge, the
 * money too.
 *
 * <p>Final answers (201, 402, 409, 422) are kept and replayed for the key; answers worth retrying
 * (503, 504) free the key so a retry with it runs again.
 *
 * <p>A checkout that ran and placed no order also writes a {@link CheckoutFailed} to the outbox
 * (the operations job's {@code checkout.failures} series). It is written after the answer is
 * settled, in its own transaction, and only logged if that fails: the shopper's answer never
 * depends on the signal, and {@code shopverse_checkout_failures_total} counts the failure either
 * way.
 */
@Service
class Checkout {

  private static final Logger log = LoggerFactory.getLogger(Checkout.class);

  private final IdempotencyKeys keys;
  private final Carts carts;
  private final CatalogClient catalog;
  private final PaymentProvider payments;
  private final Orders orders;
  private final TransactionTemplate tx;
  private final JsonMapper json;
  private final CheckoutMetrics metrics;
  private final Outbox outbox;
  private final Clock clock = Clock.systemUTC();

  Checkout(
      IdempotencyKeys keys,
      Carts carts,
      CatalogClient catalog,
      PaymentProvider payments,
      Orders orders,
      TransactionTemplate tx,
      JsonMapper json,
      CheckoutMetrics metrics,
      Outbox outbox) {
    this.keys = keys;
    this.carts = carts;
    this.catalog = catalog;
    this.payments = payments;
    this.orders = orders;
    this.tx = tx;
    this.json = json;
    this.metrics = metrics;
    this.outbox = outbox;
  }

  /** The answer, and whether it is a replay of an earlier request with the same key. */
  record Outcome(StoredResponse response, boolean replayed) {}

  Outcome checkout(String userId, String key, CheckoutRequest request) {
    IdempotencyKeys.Claim claim = keys.claim(userId, key, hash(request));
    if (claim instanceof IdempotencyKeys.Replay replay) {
      return new Outcome(replay.response(), true);
    }
    if (claim instanceof IdempotencyKeys.InFlight) {
      throw new ProblemException(
          HttpStatus.CONFLICT,
          "idempotency-key-in-use",
          "A checkout with this Idempotency-Key is still running; retry when it is done.");
    }
    if (claim instanceof IdempotencyKeys.Mismatch) {
      throw new ProblemException(
          HttpStatus.UNPROCESSABLE_ENTITY,
          "idempotency-key-reused",
          "This Idempotency-Key was used with a different request; use a new key.");
    }
    UUID orderId = UUID.randomUUID();
    try {
      return new Outcome(run(orderId, userId, key, request), false);
    } catch (ProblemException problem) {
      // Counted here, past the replay check: a replayed answer is not another failure.
      String reason = metrics.failed(problem.problem());
      if (problem.problem().getStatus() < 500) {
        keys.complete(userId, key, stored(problem.problem()));
      } else {
        keys.forget(userId, key);
      }
      signalFailure(orderId, userId, reason, problem.problem().getStatus());
      throw problem;
    } catch (RuntimeException e) {
      String reason = metrics.failed();
      keys.forget(userId, key);
      signalFailure(orderId, userId, reason, HttpStatus.INTERNAL_SERVER_ERROR.value());
      throw e;
    }
  }

  /** The failure's {@link CheckoutFailed} event; see the class comment for why best effort. */
  private void signalFailure(UUID orderId, String userId, String reason, int status) {
    var event =
        new CheckoutFailed(
            UUID.randomUUID(),
            clock.instant(),
            OrderEvent.SCHEMA_VERSION,
            orderId,
            userId,
            reason,
            status);
    try {
      tx.executeWithoutResult(
          s ->
              outbox.append(
                  Topics.ORDER_EVENTS, orderId.toString(), event.eventId().toString(), event));
    } catch (RuntimeException e) {
      log.warn("Could not record failed checkout {} ({}): {}", orderId, reason, e.toString());
    }
  }

  private StoredResponse run(UUID orderId, String userId, String key, CheckoutRequest request) {
    Cart cart = carts.of(userId);
    if (cart.isEmpty()) {
      throw new ProblemException(
          HttpStatus.UNPROCESSABLE_ENTITY, "cart-empty", "The cart is empty.");
    }
    UUID reservationId = UUID.randomUUID();
    Reservation reservation = reserve(reservationId, cart.lines());

    List<OrderLine> lines =
        reservation.lines().stream()
            .map(
                l ->
                    new OrderLine(
                        l.productId(), l.name(), l.quantity(), l.unitPriceMinor(), l.currency()))
            .toList();
    String currency = lines.get(0).currency();
    if (lines.stream().anyMatch(line -> !line.currency().equals(currency))) {
      releaseQuietly(reservationId);
      throw new ProblemException(
          HttpStatus.UNPROCESSABLE_ENTITY,
          "mixed-currency",
          "The cart holds products priced in different currencies.");
    }
    long total = lines.stream().mapToLong(OrderLine::totalMinor).reduce(0, Math::addExact);

    String paymentId = charge(orderId, userId, total, currency, request, reservationId);
    try {
      catalog.confirm(reservationId);
    } catch (CatalogException e) {
      compensate(reservationId, orderId);
      throw Problems.catalogUnavailable();
    }

    Order order;
    StoredResponse created;
    try {
      order = Order.place(orderId, userId, lines, reservationId, clock.instant());
      order.pay(paymentId, clock.instant());
      created =
          new StoredResponse(
              201,
              MediaType.APPLICATION_JSON_VALUE,
              json.writeValueAsString(OrderView.of(order)),
              "/api/orders/" + orderId);
      Order placed = order;
      tx.executeWithoutResult(
          status -> {
            if (!carts.clearIfUnchanged(userId, cart.version())) {
              throw new CartChanged();
            }
            orders.save(placed);
            keys.complete(userId, key, created);
          });
    } catch (CartChanged e) {
      compensate(reservationId, orderId);
      throw new ProblemException(
          HttpStatus.CONFLICT,
          "cart-changed",
          "The cart changed during checkout; nothing was charged. Review it and check out again.");
    } catch (RuntimeException e) {
      compensate(reservationId, orderId);
      throw e;
    }
    metrics.placed(currency, total); // committed: counted once, replays of it are not
    return created;
  }

  private Reservation reserve(UUID reservationId, List<CartLine> lines) {
    try {
      return catalog.reserve(
          reservationId,
          lines.stream().map(l -> new Reservation.Request(l.productId(), l.quantity())).toList());
    } catch (CatalogException.OutOfStock e) {
      ProblemDetail problem =
          ProblemDetailsAdvice.problem(
              HttpStatus.CONFLICT,
              "out-of-stock",
              "Not enough stock of product " + e.productId() + " for this cart.");
      problem.setProperty("productId", e.productId());
      throw new ProblemException(problem, new HttpHeaders());
    } catch (CatalogException.UnknownProduct e) {
      throw Problems.unknownProduct(e.productId());
    } catch (CatalogException.Unavailable e) {
      log.warn("Reservation failed: {}", e.getMessage());
      // The catalog may have reserved before the answer was lost: hand it back.
      releaseQuietly(reservationId);
      throw Problems.catalogUnavailable();
    }
  }

  private String charge(
      UUID orderId,
      String userId,
      long total,
      String currency,
      CheckoutRequest request,
      UUID reservationId) {
    PaymentResult result;
    try {
      result =
          payments.charge(
              new PaymentRequest(
                  orderId.toString(), userId, total, currency, request.paymentMethod()));
    } catch (PaymentTimeoutException e) {
      compensate(reservationId, orderId);
      HttpHeaders headers = new HttpHeaders();
      headers.set(HttpHeaders.RETRY_AFTER, "5");
      throw new ProblemException(
          ProblemDetailsAdvice.problem(
              HttpStatus.GATEWAY_TIMEOUT,
              "payment-timeout",
              "The payment provider did not answer in time; nothing was charged. Retry."),
          headers);
    } catch (RuntimeException e) {
      compensate(reservationId, orderId);
      throw e;
    }
    if (result instanceof PaymentResult.Declined declined) {
      releaseQuietly(reservationId);
      throw new ProblemException(
          HttpStatus.PAYMENT_REQUIRED, "payment-declined", declined.reason());
    }
    return ((PaymentResult.Approved) result).paymentId();
  }

  /** Undoes what a failed checkout did outside the database: stock back, money back. */
  private void compensate(UUID reservationId, UUID orderId) {
    releaseQuietly(reservationId);
    try {
      payments.refund(orderId.toString());
    } catch (RuntimeException e) {
      log.error("Refund of failed checkout {} failed; refund it by hand", orderId, e);
    }
  }

  private void releaseQuietly(UUID reservationId) {
    try {
      catalog.release(reservationId);
    } catch (CatalogException e) {
      // An unconfirmed reservation expires at the catalog by itself.
      log.warn("Could not release reservation {}: {}", reservationId, e.getMessage());
    }
  }

  private StoredResponse stored(ProblemDetail problem) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", String.valueOf(problem.getType()));
    body.put("title", problem.getTitle());
    body.put("status", problem.getStatus());
    body.put("detail", problem.getDetail());
    body.put("instance", "/api/checkout");
    if (problem.getProperties() != null) {
      body.putAll(problem.getProperties());
    }
    return new StoredResponse(
        problem.getStatus(),
        MediaType.APPLICATION_PROBLEM_JSON_VALUE,
        json.writeValueAsString(body),
        null);
  }

  /** The request's fingerprint: same key with another fingerprint is a different request. */
  private String hash(CheckoutRequest request) {
    try {
      byte[] canonical = json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final class CartChanged extends RuntimeException {
    CartChanged() {
      super(null, null, false, false);
    }
  }
}
