package com.shopverse.order.order;

import com.shopverse.defaults.ProblemException;
import com.shopverse.order.catalog.CatalogClient;
import com.shopverse.order.catalog.CatalogException;
import com.shopverse.order.payment.PaymentProvider;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Changes an existing order: each change locks the order row, asks the aggregate (which refuses an
 * illegal transition), and saves the order with its event in one transaction. Cancelling then hands
 * the stock back to the catalog and refunds the payment; a release that fails is retried on a
 * schedule until the catalog takes it.
 */
@Service
class OrderTransitions {

  private static final Logger log = LoggerFactory.getLogger(OrderTransitions.class);

  private final Orders orders;
  private final TransactionTemplate tx;
  private final CatalogClient catalog;
  private final PaymentProvider payments;
  private final Clock clock = Clock.systemUTC();

  OrderTransitions(
      Orders orders, TransactionTemplate tx, CatalogClient catalog, PaymentProvider payments) {
    this.orders = orders;
    this.tx = tx;
    this.catalog = catalog;
    this.payments = payments;
  }

  /** The shopper cancels their own order; another shopper's is "not found". */
  Order cancel(UUID id, String userId) {
    Order order = change(id, o -> o.userId().equals(userId), o -> o.cancel(clock.instant()));
    releaseStock(order);
    if (order.paymentId() != null) {
      payments.refund(order.id().toString());
    }
    return order;
  }

  Order ship(UUID id) {
    return change(id, o -> true, o -> o.ship(clock.instant()));
  }

  Order deliver(UUID id) {
    return change(id, o -> true, o -> o.deliver(clock.instant()));
  }

  private Order change(
      UUID id, java.util.function.Predicate<Order> visible, Consumer<Order> transition) {
    return tx.execute(
        status -> {
          Order order = orders.lock(id).filter(visible).orElseThrow(() -> notFound(id));
          transition.accept(order);
          orders.save(order);
          return order;
        });
  }

  /** Retries the stock releases of cancelled orders that the catalog did not take at once. */
  @Scheduled(
      initialDelayString = "${shopverse.order.stock-release-retry:30s}",
      fixedDelayString = "${shopverse.order.stock-release-retry:30s}")
  void retryStockReleases() {
    List<Order> pending;
    try {
      pending = orders.awaitingStockRelease(100);
    } catch (RuntimeException e) {
      log.warn("Cannot read pending stock releases: {}", e.getMessage());
      return;
    }
    pending.forEach(this::releaseStock);
  }

  private void releaseStock(Order order) {
    if (order.reservationId() == null) {
      return;
    }
    try {
      catalog.release(order.reservationId());
      orders.markStockReleased(order.id());
    } catch (CatalogException e) {
      log.warn(
          "Stock of cancelled order {} not released yet (will retry): {}",
          order.id(),
          e.getMessage());
    }
  }

  static ProblemException notFound(UUID id) {
    return new ProblemException(HttpStatus.NOT_FOUND, "order-not-found", "No order " + id + ".");
  }
}
