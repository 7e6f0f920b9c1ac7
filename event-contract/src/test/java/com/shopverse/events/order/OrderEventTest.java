package com.shopverse.events.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OrderEventTest {

  private final ObjectMapper json =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private final UUID orderId = UUID.randomUUID();
  private final Instant at = Instant.parse("2026-11-25T10:00:00.123Z");

  @Test
  void orderPlacedRoundTripsWithItsTypeAndLines() throws Exception {
    var event =
        new OrderPlaced(
            UUID.randomUUID(),
            at,
            OrderEvent.SCHEMA_VERSION,
            orderId,
            "user-1",
            List.of(
                new OrderPlaced.Line("P00001", 2, 1999), new OrderPlaced.Line("P00002", 1, 500)),
            4498,
            "EUR");

    String text = json.writeValueAsString(event);

    assertThat(text)
        .contains("\"type\":\"OrderPlaced\"", "\"occurredAt\":\"2026-11-25T10:00:00.123Z\"");
    assertThat(json.readValue(text, OrderEvent.class)).isEqualTo(event);
    assertThat(json.readValue(text, OrderPlaced.class)).isEqualTo(event);
  }

  @Test
  void orderPaidRoundTrips() throws Exception {
    roundTrips(
        new OrderPaid(UUID.randomUUID(), at, 1, orderId, "user-1", "pay_123", 4498, "EUR"),
        "OrderPaid");
  }

  @Test
  void orderShippedRoundTrips() throws Exception {
    roundTrips(new OrderShipped(UUID.randomUUID(), at, 1, orderId, "user-1"), "OrderShipped");
  }

  @Test
  void orderDeliveredRoundTrips() throws Exception {
    roundTrips(new OrderDelivered(UUID.randomUUID(), at, 1, orderId, "user-1"), "OrderDelivered");
  }

  @Test
  void orderCancelledRoundTrips() throws Exception {
    roundTrips(
        new OrderCancelled(UUID.randomUUID(), at, 1, orderId, "user-1", "PAID"), "OrderCancelled");
  }

  @Test
  void checkoutFailedRoundTripsWithItsReasonAndStatus() throws Exception {
    roundTrips(
        new CheckoutFailed(UUID.randomUUID(), at, 1, orderId, "user-1", "payment_declined", 402),
        "CheckoutFailed");
  }

  @Test
  void readsTheDocumentedWireFormat() throws Exception {
    String wire =
        """
        {"type":"OrderShipped","eventId":"1b4e28ba-2fa1-11d2-883f-0016d3cca427","schemaVersion":1,
         "occurredAt":"2026-11-25T10:00:00Z","orderId":"5f0c6c1e-8a43-4d4e-9a51-0d6a4f1f9b11",
         "userId":"user-7"}
        """;

    OrderEvent event = json.readValue(wire, OrderEvent.class);

    assertThat(event).isInstanceOf(OrderShipped.class);
    assertThat(event.userId()).isEqualTo("user-7");
  }

  private void roundTrips(OrderEvent event, String type) throws Exception {
    String text = json.writeValueAsString(event);
    assertThat(text).contains("\"type\":\"" + type + "\"");
    assertThat(json.readValue(text, OrderEvent.class)).isEqualTo(event);
  }
}
