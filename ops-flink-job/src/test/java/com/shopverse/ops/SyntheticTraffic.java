package com.shopverse.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.shopverse.events.EventSource;
import com.shopverse.events.InteractionEvent;
import com.shopverse.events.InteractionType;
import com.shopverse.events.auth.AuthEvent;
import com.shopverse.events.auth.LoginFailed;
import com.shopverse.events.order.CheckoutFailed;
import com.shopverse.events.order.OrderEvent;
import com.shopverse.events.order.OrderPlaced;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * A compressed day of shop traffic as Kafka record values, in event time starting at {@link
 * #START}: a seasonal curve of views and carts from 30 shoppers over 100 Zipf-popular products, a
 * few orders and failed checkouts, failed logins now and then from shoppers' addresses (typos), one
 * injected spike of add-to-carts, one bot viewing one product, one client guessing passwords and
 * one late click.
 */
final class SyntheticTraffic {

  static final long START = Instant.parse("2026-11-30T00:00:00Z").toEpochMilli();
  static final int BUCKET_MS = 1000;
  static final int SEASON = 20;
  static final int BUCKETS = 130;
  static final int SPIKE_BUCKET = 90;
  static final int BOT_FROM = 100;
  static final int BOT_TO = 102;
  static final String BOT = "a-bot";
  static final String BOT_PRODUCT = "P00042";
  static final int GUESSING_BUCKET = 110;
  static final String GUESSER = "198.51.100.9";

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  final List<Map.Entry<String, String>> interactions = new ArrayList<>();
  final List<Map.Entry<String, String>> orders = new ArrayList<>();
  final List<Map.Entry<String, String>> auth = new ArrayList<>();

  SyntheticTraffic() throws Exception {
    Random random = new Random(8);
    double[] zipf = new double[100];
    double sum = 0;
    for (int r = 0; r < zipf.length; r++) {
      sum += 1.0 / (r + 1);
      zipf[r] = sum;
    }
    for (int b = 0; b < BUCKETS; b++) {
      double curve = 1 + 0.5 * Math.sin(2 * Math.PI * b / SEASON);
      int views = poisson(random, 40 * curve);
      int carts = poisson(random, 8 * curve) + (b == SPIKE_BUCKET ? 60 : 0);
      int placed = poisson(random, 3 * curve);
      for (int i = 0; i < views; i++) {
        int rank = 0;
        double u = random.nextDouble() * sum;
        while (zipf[rank] < u) {
          rank++;
        }
        interaction(random, b, "u" + random.nextInt(30), InteractionType.PRODUCT_VIEWED, rank + 1);
      }
      for (int i = 0; i < carts; i++) {
        interaction(
            random,
            b,
            "u" + random.nextInt(30),
            InteractionType.ADDED_TO_CART,
            1 + random.nextInt(20));
      }
      if (b >= BOT_FROM && b <= BOT_TO) {
        for (int i = 0; i < 80; i++) {
          interaction(random, b, BOT, InteractionType.PRODUCT_VIEWED, 42);
        }
      }
      for (int i = 0; i < placed; i++) {
        UUID order = UUID.randomUUID();
        orders.add(
            Map.entry(
                order.toString(),
                JSON.writerFor(OrderEvent.class)
                    .writeValueAsString(
                        new OrderPlaced(
                            UUID.randomUUID(),
                            at(random, b),
                            1,
                            order,
                            "u1",
                            List.of(new OrderPlaced.Line("P00001", 1, 999)),
                            999,
                            "EUR"))));
      }
      for (int i = poisson(random, 0.5 * curve); i > 0; i--) {
        UUID attempt = UUID.randomUUID();
        orders.add(
            Map.entry(
                attempt.toString(),
                JSON.writerFor(OrderEvent.class)
                    .writeValueAsString(
                        new CheckoutFailed(
                            UUID.randomUUID(),
                            at(random, b),
                            1,
                            attempt,
                            "u2",
                            "payment_declined",
                            402))));
      }
      for (int i = poisson(random, 0.3); i > 0; i--) {
        loginFailed(random, b, "10.0.0." + random.nextInt(30));
      }
      if (b == GUESSING_BUCKET) {
        for (int i = 0; i < 30; i++) {
          loginFailed(random, b, GUESSER);
        }
      }
      if (b == 10) {
        interactions.add(Map.entry("junk", "{not json"));
        orders.add(Map.entry("junk", "{\"type\":\"NoSuchEvent\"}"));
        auth.add(Map.entry("junk", "{\"type\":\"LoginFailed\",\"outcome\":\"locked\"}"));
      }
    }
  }

  private void loginFailed(Random random, int bucket, String client) throws Exception {
    auth.add(
        Map.entry(
            client,
            JSON.writerFor(AuthEvent.class)
                .writeValueAsString(
                    new LoginFailed(
                        UUID.randomUUID(),
                        at(random, bucket),
                        1,
                        client,
                        LoginFailed.INVALID_CREDENTIALS))));
  }

  /** A click of shopper u1 in {@code bucket}, the traffic's only click (not in the lists). */
  static Map.Entry<String, String> click(int bucket) throws Exception {
    return record(new Random(1), bucket, "u1", InteractionType.PRODUCT_CLICKED, 7);
  }

  private void interaction(
      Random random, int bucket, String shopper, InteractionType type, int product)
      throws Exception {
    interactions.add(record(random, bucket, shopper, type, product));
  }

  private static Map.Entry<String, String> record(
      Random random, int bucket, String shopper, InteractionType type, int product)
      throws Exception {
    String productId = String.format("P%05d", product);
    InteractionEvent e =
        new InteractionEvent(
            UUID.randomUUID(),
            type,
            InteractionEvent.SCHEMA_VERSION,
            at(random, bucket),
            null,
            shopper.startsWith("a-") ? null : shopper,
            shopper.startsWith("a-") ? shopper : null,
            "s-" + shopper,
            productId,
            "C01",
            null,
            null,
            null,
            null,
            EventSource.WEB);
    return Map.entry(shopper, JSON.writeValueAsString(e));
  }

  private static Instant at(Random random, int bucket) {
    return Instant.ofEpochMilli(START + (long) bucket * BUCKET_MS + random.nextInt(BUCKET_MS));
  }

  static long bucketMs(int bucket) {
    return START + (long) bucket * BUCKET_MS;
  }

  private static int poisson(Random random, double mean) {
    double l = Math.exp(-mean);
    int k = 0;
    double p = 1;
    do {
      k++;
      p *= random.nextDouble();
    } while (p > l);
    return k - 1;
  }
}
