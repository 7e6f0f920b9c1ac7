package com.shopverse.analytics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.shopverse.events.order.OrderCancelled;
import com.shopverse.events.order.OrderEvent;
import com.shopverse.events.order.OrderPaid;
import com.shopverse.events.order.OrderPlaced;
import com.shopverse.events.order.OrderShipped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Order events as order-service publishes them, for pipeline tests: placed and paid orders, some
 * cancelled before payment (never purchases), some after (still purchases), some whose payment is
 * read before the order, a few shipped, and the outbox re-publishing the first events at the end.
 */
final class Orders {

  static final ObjectWriter JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .writerFor(OrderEvent.class);

  record Line(String userId, String productId, int quantity, long unitPriceMinor, Instant paidAt) {}

  private final List<String> stream;
  private final List<Line> paidLines;

  private Orders(List<String> stream, List<Line> paidLines) {
    this.stream = stream;
    this.paidLines = paidLines;
  }

  static Orders generate(int n, Random random) {
    List<String> stream = new ArrayList<>();
    List<Line> paid = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      UUID order = UUID.randomUUID();
      String user = "u" + random.nextInt(20);
      Instant placedAt = ExactlyOnceAfterCrashIT.START.plusMillis(i * 2_500L);
      Instant paidAt = placedAt.plusMillis(300 + random.nextInt(2_000));
      Set<String> products = new LinkedHashSet<>();
      int lines = 1 + random.nextInt(3);
      while (products.size() < lines) {
        products.add("P" + random.nextInt(30));
      }
      List<OrderPlaced.Line> orderLines = new ArrayList<>();
      long total = 0;
      for (String product : products) {
        var line =
            new OrderPlaced.Line(product, 1 + random.nextInt(3), 100 + random.nextInt(4_900));
        orderLines.add(line);
        total += line.quantity() * line.unitPriceMinor();
      }
      String placed =
          json(
              new OrderPlaced(
                  UUID.randomUUID(), placedAt, 1, order, user, orderLines, total, "EUR"));
      String payment =
          json(new OrderPaid(UUID.randomUUID(), paidAt, 1, order, user, "pay-" + i, total, "EUR"));
      if (i % 10 == 3) {
        stream.add(placed);
        stream.add(
            json(
                new OrderCancelled(
                    UUID.randomUUID(), placedAt.plusMillis(100), 1, order, user, "PENDING")));
        continue;
      }
      if (i % 11 == 5) {
        stream.add(payment);
        stream.add(placed);
      } else {
        stream.add(placed);
        stream.add(payment);
      }
      if (i % 7 == 0) {
        stream.add(
            json(
                new OrderCancelled(
                    UUID.randomUUID(), paidAt.plusSeconds(1), 1, order, user, "PAID")));
      } else if (i % 5 == 0) {
        stream.add(
            json(new OrderShipped(UUID.randomUUID(), paidAt.plusSeconds(2), 1, order, user)));
      }
      for (OrderPlaced.Line line : orderLines) {
        paid.add(new Line(user, line.productId(), line.quantity(), line.unitPriceMinor(), paidAt));
      }
    }
    // The outbox relay publishes at least once: the first events again, with their eventIds.
    stream.addAll(new ArrayList<>(stream.subList(0, 40)));
    return new Orders(stream, paid);
  }

  static String json(OrderEvent event) {
    try {
      return JSON.writeValueAsString(event);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  List<String> stream() {
    return stream;
  }

  List<Line> paidLines() {
    return paidLines;
  }

  /** (shopper, product) of every paid line, sorted as ClickHouse sorts them. */
  List<List<String>> boughtBy() {
    Set<String> keys = new TreeSet<>();
    for (Line line : paidLines) {
      keys.add("u:" + line.userId() + "\t" + line.productId());
    }
    return keys.stream().map(k -> List.of(k.split("\t"))).toList();
  }
}
