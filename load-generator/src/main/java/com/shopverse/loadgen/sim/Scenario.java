package com.shopverse.loadgen.sim;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * One injected scenario, {@code at} and {@code length} ({@code "for"}) from the simulator's start.
 * Which fields apply depends on {@code kind}: a flash sale has a {@code factor} and a {@code
 * category}, the bots and the error burst a {@code rate}, bot-views a {@code product}, a slow
 * dependency the {@code part} of the local stack to pause.
 */
record Scenario(
    String kind,
    Duration at,
    Duration length,
    double factor,
    String category,
    double rate,
    String product,
    String part) {

  static final String FLASH_SALE = "flash-sale";
  static final String BOT_VIEWS = "bot-views";
  static final String PASSWORD_BOT = "password-bot";
  static final String ERROR_BURST = "error-burst";
  static final String SLOW_DEPENDENCY = "slow-dependency";
  static final List<String> KINDS =
      List.of(FLASH_SALE, BOT_VIEWS, PASSWORD_BOT, ERROR_BURST, SLOW_DEPENDENCY);

  /** Parts of the local stack whose launcher pid is the part itself (PostgreSQL's is not). */
  static final Set<String> PAUSABLE =
      Set.of(
          "clickhouse",
          "redis",
          "kafka",
          "analytics-flink-job",
          "auth-service",
          "catalog-service",
          "order-service",
          "event-ingest-service",
          "recommendation-service");

  long startNanos() {
    return at.toNanos();
  }

  long endNanos() {
    return at.plus(length).toNanos();
  }

  boolean covers(long offsetNanos) {
    return offsetNanos >= startNanos() && offsetNanos < endNanos();
  }

  /** The stream series the scenario should move, as the contract names them. */
  List<String> series() {
    return switch (kind) {
      case FLASH_SALE ->
          List.of("events.PRODUCT_VIEWED", "events.ADDED_TO_CART", "orders", "product.views");
      case BOT_VIEWS -> List.of("product.views", "shopper.events");
      case PASSWORD_BOT -> List.of("login.failures", "login.failures.all");
      default -> List.of();
    };
  }

  @Override
  public String toString() {
    String what =
        switch (kind) {
          case FLASH_SALE -> "x" + Scenarios.number(factor) + " in " + category;
          case BOT_VIEWS -> Scenarios.number(rate) + "/s on " + product;
          case PASSWORD_BOT, ERROR_BURST -> Scenarios.number(rate) + "/s";
          default -> part;
        };
    return kind
        + " at "
        + SimDurations.format(at)
        + " for "
        + SimDurations.format(length)
        + " ("
        + what
        + ")";
  }
}
