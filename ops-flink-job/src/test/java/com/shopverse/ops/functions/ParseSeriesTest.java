package com.shopverse.ops.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopverse.ops.SeriesEvent;
import java.util.List;
import org.apache.flink.streaming.api.operators.StreamFlatMap;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class ParseSeriesTest {

  static final String AT = "2026-12-01T10:00:00Z";
  static final long AT_MS = 1_796_119_200_000L;

  @Test
  void countsAViewInItsTypeAllEventsItsShopperAndItsProduct() throws Exception {
    String view =
        "{\"eventId\":\"1b4e28ba-2fa1-11d2-883f-0016d3cca427\",\"type\":\"PRODUCT_VIEWED\","
            + "\"schemaVersion\":1,\"occurredAt\":\""
            + AT
            + "\",\"userId\":\"u1\",\"productId\":\"P-1\",\"unknownField\":1}";
    assertThat(parse(ParseSeries.interactions(), view))
        .containsExactly(
            new SeriesEvent("events.PRODUCT_VIEWED", SeriesEvent.AGGREGATE, AT_MS),
            new SeriesEvent(InteractionSeries.ALL_EVENTS, SeriesEvent.AGGREGATE, AT_MS),
            new SeriesEvent(InteractionSeries.SHOPPER_EVENTS, "u1", AT_MS),
            new SeriesEvent(InteractionSeries.PRODUCT_VIEWS, "P-1", AT_MS));
  }

  @Test
  void skipsWhatItCannotReadAndGoesOn() throws Exception {
    String noTime = "{\"eventId\":\"1b4e28ba-2fa1-11d2-883f-0016d3cca427\",\"type\":\"SEARCHED\"}";
    String cancelled =
        "{\"type\":\"OrderCancelled\",\"eventId\":\"1b4e28ba-2fa1-11d2-883f-0016d3cca427\","
            + "\"occurredAt\":\""
            + AT
            + "\",\"orderId\":\"1b4e28ba-2fa1-11d2-883f-0016d3cca428\"}";
    assertThat(parse(ParseSeries.interactions(), "{not json", "null", noTime)).isEmpty();
    assertThat(parse(ParseSeries.orders(), "{\"type\":\"OrderTeleported\"}", cancelled))
        .containsExactly(
            new SeriesEvent(OrderSeries.ORDERS_CANCELLED, SeriesEvent.AGGREGATE, AT_MS));
  }

  @Test
  void countsAFailedLoginForTheShopAndItsClientAndAFailedCheckoutForTheShop() throws Exception {
    String login =
        "{\"type\":\"LoginFailed\",\"eventId\":\"1b4e28ba-2fa1-11d2-883f-0016d3cca427\","
            + "\"schemaVersion\":1,\"occurredAt\":\""
            + AT
            + "\",\"clientIp\":\"198.51.100.9\",\"outcome\":\"locked\"}";
    String noClient =
        "{\"type\":\"LoginFailed\",\"eventId\":\"1b4e28ba-2fa1-11d2-883f-0016d3cca428\","
            + "\"occurredAt\":\""
            + AT
            + "\",\"outcome\":\"locked\"}";
    String checkout =
        "{\"type\":\"CheckoutFailed\",\"eventId\":\"1b4e28ba-2fa1-11d2-883f-0016d3cca429\","
            + "\"occurredAt\":\""
            + AT
            + "\",\"orderId\":\"1b4e28ba-2fa1-11d2-883f-0016d3cca430\",\"userId\":\"u1\","
            + "\"reason\":\"payment_declined\",\"status\":402}";

    assertThat(parse(ParseSeries.auth(), login, noClient))
        .containsExactly(
            new SeriesEvent(AuthSeries.ALL_LOGIN_FAILURES, SeriesEvent.AGGREGATE, AT_MS),
            new SeriesEvent(AuthSeries.LOGIN_FAILURES, "198.51.100.9", AT_MS));
    assertThat(parse(ParseSeries.orders(), checkout))
        .containsExactly(
            new SeriesEvent(OrderSeries.CHECKOUT_FAILURES, SeriesEvent.AGGREGATE, AT_MS));
  }

  private static <E> List<SeriesEvent> parse(ParseSeries<E> parse, String... records)
      throws Exception {
    try (var harness = new OneInputStreamOperatorTestHarness<>(new StreamFlatMap<>(parse))) {
      harness.open();
      for (String record : records) {
        harness.processElement(record, 0L);
      }
      return harness.extractOutputValues();
    }
  }
}
