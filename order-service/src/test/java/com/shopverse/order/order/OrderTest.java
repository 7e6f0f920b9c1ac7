package com.shopverse.order.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shopverse.events.order.OrderCancelled;
import com.shopverse.events.order.OrderDelivered;
import com.shopverse.events.order.OrderEvent;
import com.shopverse.events.order.OrderPaid;
import com.shopverse.events.order.OrderPlaced;
import com.shopverse.events.order.OrderShipped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The order's state machine and the events it records. */
class OrderTest {

  private final Instant now = Instant.parse("2026-11-25T10:00:00Z");

  @Test
  void placingRecordsOrderPlacedWithTheSnapshotPricesAndTotal() {
    Order order = placed();

    assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
    assertThat(order.totalMinor()).isEqualTo(2 * 1999 + 500);
    OrderPlaced event = (OrderPlaced) order.events().get(0);
    assertThat(event.lines())
        .containsExactly(new OrderPlaced.Line("P1", 2, 1999), new OrderPlaced.Line("P2", 1, 500));
    assertThat(event.totalMinor()).isEqualTo(4498);
  }

  @Test
  void goesFromPaidToShippedToDeliveredRecordingEachStep() {
    Order order = placed();
    order.pay("pay_1", now);
    order.ship(now);
    order.deliver(now);

    assertThat(order.status()).isEqualTo(OrderStatus.DELIVERED);
    assertThat(order.events().stream().map(Object::getClass).toList())
        .containsExactly(
            OrderPlaced.class, OrderPaid.class, OrderShipped.class, OrderDelivered.class);
    assertThat(order.events().stream().map(OrderEvent::eventId).distinct()).hasSize(4);
  }

  @Test
  void cancelsFromPendingOrPaidOnly() {
    Order pending = placed();
    pending.cancel(now);
    assertThat(((OrderCancelled) pending.events().get(1)).previousStatus()).isEqualTo("PENDING");

    Order paid = placed();
    paid.pay("pay_1", now);
    paid.cancel(now);
    assertThat(paid.status()).isEqualTo(OrderStatus.CANCELLED);

    Order shipped = placed();
    shipped.pay("pay_1", now);
    shipped.ship(now);
    assertThatThrownBy(() -> shipped.cancel(now))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("SHIPPED");
  }

  @Test
  void rejectsSkippingOrRepeatingSteps() {
    Order order = placed();
    assertThatThrownBy(() -> order.ship(now)).isInstanceOf(IllegalTransitionException.class);
    assertThatThrownBy(() -> order.deliver(now)).isInstanceOf(IllegalTransitionException.class);
    order.pay("pay_1", now);
    assertThatThrownBy(() -> order.pay("pay_2", now))
        .isInstanceOf(IllegalTransitionException.class);
    order.cancel(now);
    assertThatThrownBy(() -> order.cancel(now)).isInstanceOf(IllegalTransitionException.class);
    assertThat(order.events()).hasSize(3); // a refused transition records nothing
  }

  @Test
  void refusesAnEmptyOrMixedCurrencyOrder() {
    assertThatThrownBy(() -> Order.place(UUID.randomUUID(), "u", List.of(), null, now))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                Order.place(
                    UUID.randomUUID(),
                    "u",
                    List.of(
                        new OrderLine("P1", "a", 1, 100, "EUR"),
                        new OrderLine("P2", "b", 1, 100, "USD")),
                    null,
                    now))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private Order placed() {
    return Order.place(
        UUID.randomUUID(),
        "user-1",
        List.of(
            new OrderLine("P1", "Headphones", 2, 1999, "EUR"),
            new OrderLine("P2", "Cable", 1, 500, "EUR")),
        UUID.randomUUID(),
        now);
  }
}
