package com.shopverse.loadgen.shop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckoutReportTest {

  static final long MS = 1_000_000;

  static final CheckoutOptions OPTIONS =
      CheckoutOptions.parse(
          "--rate",
          "2",
          "--duration",
          "2s",
          "--shoppers",
          "3",
          "--label",
          "Checkout at 2 orders/s");

  /** Four orders: three paid (10, 20, 30 ms), one out of stock (40 ms). */
  static CheckoutStats fourOrders() {
    CheckoutStats stats = new CheckoutStats();
    for (int i = 1; i <= 4; i++) {
      stats.cartAdd(MS / 10, 4 * MS);
      stats.checkout(i * 10 * MS - 5 * MS);
    }
    stats.paid(0, 10 * MS, Map.of("P1", 1L));
    stats.paid(0, 20 * MS, Map.of("P1", 1L));
    stats.paid(0, 30 * MS, Map.of("P2", 1L));
    stats.order(0, 40 * MS, "409 out-of-stock");
    return stats;
  }

  static OutboxMetrics orderOutbox() {
    OutboxMetrics before = OutboxMetrics.parse(OutboxMetricsTest.scrape(0, 0, 0, 0, 0, 0));
    return OutboxMetrics.parse(OutboxMetricsTest.scrape(2, 5, 6, 6, 0.024, 6)).since(before);
  }

  static CheckoutReport report(StockCheck stock, long stockBefore, long paidListed) {
    return new CheckoutReport(
        OPTIONS,
        "2026-11-25 12:00:00 UTC",
        "2 processors (AMD EPYC), 23.5 GiB, Linux 6.1 (amd64)",
        "17.0.15+6 (OpenJDK 64-Bit Server VM)",
        2,
        stockBefore,
        fourOrders(),
        2.0,
        stock,
        paidListed,
        Map.of(),
        orderOutbox(),
        null);
  }

  static final StockCheck BALANCED =
      new StockCheck(
          Map.of("P1", 2, "P2", 2),
          Map.of("P1", 0, "P2", 1),
          Map.of("P1", 2L, "P2", 1L),
          Map.of("P1", 2L, "P2", 1L));

  @Test
  void rendersTheRunAsAMarkdownBlock() {
    String markdown = report(BALANCED, 4, 3).markdown();

    assertThat(markdown)
        .startsWith("### Checkout at 2 orders/s\n\n- Date: 2026-11-25 12:00:00 UTC\n")
        .contains("- Machine: 2 processors (AMD EPYC)")
        .contains(
            "- Arguments: `--rate 2 --duration 2s --shoppers 3 --label 'Checkout at 2 orders/s'`")
        .contains("- Load: 2 orders/s for 2s (4 orders)")
        .contains("3 shoppers with one order in flight each")
        .contains("- Stock: 4 units over 2 products for 4 orders")
        .contains("| 2 | 1.5 | 4 | 3 | 1 (25.00 %) | 20 | 40 | 40 | 40 | 40 |")
        .contains("| `POST /api/cart/items` | 4 | 4 | 4 | 4 | 4 | 4 |")
        .contains("| `POST /api/checkout` | 4 | 15 | 35 | 35 | 35 | 35 |")
        .contains("- Outcomes: 201 × 3, 409 out-of-stock × 1\n")
        .contains(
            "- Orders: order-service lists 3 PAID orders for the run's shoppers, as many as the 201s")
        .contains("- Oversold: **0** (")
        .contains("2 products, 3 units sold")
        .contains(
            "| order-service (`order-events`) | 6 of ≥ 6 expected | ≤ 5 | ≤ 50 | 4 | 42 | 3 |")
        .contains("| catalog-service (`catalog-events`) | not readable |")
        .doesNotContain("Stock runs out")
        .doesNotContain("Unfinished")
        .endsWith("\n\n");
    assertThat(report(BALANCED, 4, 3).oversold()).isFalse();
  }

  @Test
  void saysWhenTheStockCannotCoverThePlannedOrders() {
    assertThat(report(BALANCED, 3, 3).markdown())
        .contains(
            "- **Stock runs out**: 4 orders planned for 3 units in stock over 2 products,"
                + " so at least 1 orders get 409 out-of-stock");
  }

  @Test
  void namesTheProductsThatWereOversold() {
    StockCheck oversold =
        new StockCheck(
            Map.of("P1", 1, "P2", 2),
            Map.of("P1", 0, "P2", 1),
            Map.of("P1", 2L, "P2", 1L),
            Map.of("P1", 2L, "P2", 1L));

    CheckoutReport report = report(oversold, 3, 3);

    assertThat(report.oversold()).isTrue();
    assertThat(report.markdown())
        .contains("- Oversold: **1** (")
        .contains("- Products that do not add up: P1: stock 1 → 0, sold 2\n");
  }

  @Test
  void saysWhenTheServerListsFewerOrdersThanWereAnswered201() {
    assertThat(report(BALANCED, 4, 2).markdown()).contains("**1 fewer than the 201s**");
  }

  @Test
  void countsOrdersThatNeverEnded() {
    CheckoutStats stats = fourOrders();
    CheckoutOptions sixOrders = CheckoutOptions.parse("--rate", "3", "--duration", "2s");
    CheckoutReport report =
        new CheckoutReport(
            sixOrders, "d", "m", "j", 2, 4, stats, 2.0, BALANCED, 3, Map.of(), null, null);

    assertThat(report.markdown())
        .contains("- **Unfinished** at the cut-off (neither answered nor timed out): 2\n");
  }
}
