package com.shopverse.loadgen.shop;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/**
 * One checkout run as a Markdown block, shaped like the open-loop generator's: heading, where and
 * how, a table, then what needs saying in words (outcomes, the oversell check, outbox lag).
 *
 * @param machine processors, CPU, memory, OS; and Java, for the report's first lines
 * @param stockBefore units in stock of the chosen products when the run started
 * @param paidListed PAID orders order-service lists for the run's shoppers
 * @param otherListed the shoppers' orders in another state, by state
 * @param orderOutbox order-service's outbox meters over the run (null: not readable)
 * @param catalogOutbox catalog-service's, likewise
 */
record CheckoutReport(
    CheckoutOptions options,
    String date,
    String machine,
    String java,
    int products,
    long stockBefore,
    CheckoutStats stats,
    double elapsedSeconds,
    StockCheck stock,
    long paidListed,
    Map<String, Long> otherListed,
    OutboxMetrics orderOutbox,
    OutboxMetrics catalogOutbox) {

  private static final double[] PERCENTILES = {50, 90, 99, 99.9};

  /** Events order-service writes per paid order: {@code OrderPlaced} and {@code OrderPaid}. */
  static final int EVENTS_PER_ORDER = 2;

  boolean oversold() {
    return stock.oversold() > 0;
  }

  double paidPerSecond() {
    return stats.count(CheckoutStats.PAID) / elapsedSeconds;
  }

  String markdown() {
    long planned = options.plannedOrders();
    long paid = stats.count(CheckoutStats.PAID);
    long notPaid = stats.ended() - paid;
    Histogram order = stats.order();
    StringBuilder md = new StringBuilder();
    md.append("### ")
        .append(
            options.label() == null
                ? "Checkout at " + rate(options.rate()) + " orders/s"
                : options.label())
        .append("\n\n");
    md.append("- Date: ").append(date).append('\n');
    md.append("- Machine: ").append(machine).append('\n');
    md.append("- Java: ").append(java).append('\n');
    md.append("- Arguments: `").append(commandLine(options.args())).append("`\n");
    md.append(
        String.format(
            Locale.ROOT,
            "- Load: %s orders/s for %ds (%d orders), each a cart add then a checkout with a new"
                + " Idempotency-Key, through the gateway; %d shoppers with one order in flight"
                + " each (the cap on orders in flight); timeout %d ms per request%n",
            rate(options.rate()),
            options.duration().toSeconds(),
            planned,
            options.shoppers(),
            options.timeout().toMillis()));
    md.append(stockLine(planned)).append("\n\n");

    md.append(
        "| Target orders/s | Paid orders/s | Orders | Paid (201) | Not paid | p50 ms | p90 ms"
            + " | p99 ms | p99.9 ms | max ms |\n");
    md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    md.append("| ")
        .append(rate(options.rate()))
        .append(" | ")
        .append(rate(paidPerSecond()))
        .append(" | ")
        .append(planned)
        .append(" | ")
        .append(paid)
        .append(" | ")
        .append(notPaid)
        .append(String.format(Locale.ROOT, " (%.2f %%)", 100.0 * notPaid / Math.max(1, planned)));
    for (double p : PERCENTILES) {
      md.append(" | ").append(millis(order.getValueAtPercentile(p)));
    }
    md.append(" | ").append(millis(order.getMaxValue())).append(" |\n\n");

    md.append("| Step | count | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|\n");
    md.append(step("order: intended start → checkout answered (the row above)", order));
    md.append(step("start lag: intended start → cart add sent", stats.startLag()));
    md.append(step("`POST /api/cart/items`", stats.cartAdd()));
    md.append(step("`POST /api/checkout`", stats.checkout()));
    md.append('\n');

    md.append("- Outcomes: ").append(outcomes()).append('\n');
    md.append(unfinishedLine(planned));
    md.append(ordersLine(paid));
    md.append(oversellLine());
    md.append(outboxTable());
    md.append('\n');
    return md.toString();
  }

  private String stockLine(long planned) {
    if (planned > stockBefore) {
      return String.format(
          Locale.ROOT,
          "- **Stock runs out**: %d orders planned for %d units in stock over %d products, so at"
              + " least %d orders get 409 out-of-stock (legitimate, counted below)",
          planned,
          stockBefore,
          products,
          planned - stockBefore);
    }
    return String.format(
        Locale.ROOT,
        "- Stock: %d units over %d products for %d orders of one unit, drawn in proportion to"
            + " each product's stock (enough for every order)",
        stockBefore,
        products,
        planned);
  }

  private String outcomes() {
    Map<String, Long> outcomes = stats.outcomes();
    return outcomes.isEmpty()
        ? "none"
        : outcomes.entrySet().stream()
            .map(e -> e.getKey() + " × " + e.getValue())
            .collect(Collectors.joining(", "));
  }

  private String unfinishedLine(long planned) {
    long unfinished = planned - stats.ended();
    return unfinished > 0
        ? "- **Unfinished** at the cut-off (neither answered nor timed out): " + unfinished + "\n"
        : "";
  }

  private String ordersLine(long paid) {
    String others =
        otherListed.isEmpty()
            ? ""
            : "; in other states: "
                + otherListed.entrySet().stream()
                    .map(e -> e.getKey() + " × " + e.getValue())
                    .collect(Collectors.joining(", "));
    String verdict;
    if (paidListed == paid) {
      verdict = "as many as the 201s";
    } else if (paidListed > paid) {
      verdict = (paidListed - paid) + " more than the 201s (placed after their answer was lost)";
    } else {
      verdict = "**" + (paid - paidListed) + " fewer than the 201s**";
    }
    return "- Orders: order-service lists "
        + paidListed
        + " PAID orders for the run's shoppers, "
        + verdict
        + others
        + "\n";
  }

  private String oversellLine() {
    String line =
        String.format(
            Locale.ROOT,
            "- Oversold: **%d** (per product: units sold = stock before − stock after, and stock"
                + " ≥ 0; %d products, %d units sold)",
            stock.oversold(),
            stock.lines().size(),
            stock.sold());
    List<String> details = new ArrayList<>();
    for (StockCheck.Line l : stock.discrepancies()) {
      details.add(
          String.format(
              Locale.ROOT,
              "%s: stock %d → %d, sold %d",
              l.productId(),
              l.before(),
              l.after(),
              l.sold()));
    }
    if (stock.held() > 0) {
      line +=
          "\n- Stock taken but not sold: "
              + stock.held()
              + " units (reservations of unfinished checkouts, released or expired later)";
    }
    if (!details.isEmpty()) {
      line +=
          "\n- Products that do not add up: "
              + String.join("; ", details.subList(0, Math.min(10, details.size())))
              + (details.size() > 10 ? "; … " + details.size() + " in all" : "");
    }
    return line + "\n";
  }

  private String outboxTable() {
    StringBuilder md =
        new StringBuilder(
            "\n| Outbox lag (insert → Kafka ack), over the run | events published | p50 ms |"
                + " p99 ms | mean ms | max ms | pending after |\n"
                + "|---|---:|---:|---:|---:|---:|---:|\n");
    long expected = EVENTS_PER_ORDER * Math.max(paidListed, stats.count(CheckoutStats.PAID));
    md.append(outboxRow("order-service (`order-events`)", orderOutbox, expected));
    md.append(outboxRow("catalog-service (`catalog-events`)", catalogOutbox, -1));
    md.append(
        "\np50 and p99 are the upper bounds of the histogram buckets that hold them (\"at most\");"
            + " max is the timer's decaying maximum (about the last two minutes).\n");
    return md.toString();
  }

  private static String outboxRow(String name, OutboxMetrics m, long expected) {
    if (m == null) {
      return "| " + name + " | not readable | | | | | |\n";
    }
    String published = Long.toString(Math.round(m.published()));
    if (expected >= 0) {
      // Two per paid order; a failed checkout adds its CheckoutFailed on top.
      published += " of ≥ " + expected + " expected";
    }
    return String.format(
        Locale.ROOT,
        "| %s | %s | %s | %s | %s | %s | %d |%n",
        name,
        published,
        atMost(m.quantileAtMost(0.5)),
        atMost(m.quantileAtMost(0.99)),
        seconds(m.meanSeconds()),
        seconds(m.max()),
        Math.round(m.pending()));
  }

  private static String step(String name, Histogram h) {
    StringBuilder row =
        new StringBuilder("| ").append(name).append(" | ").append(h.getTotalCount());
    for (double p : PERCENTILES) {
      row.append(" | ").append(h.getTotalCount() == 0 ? "—" : millis(h.getValueAtPercentile(p)));
    }
    return row.append(" | ")
        .append(h.getTotalCount() == 0 ? "—" : millis(h.getMaxValue()))
        .append(" |\n")
        .toString();
  }

  /** Nanoseconds as milliseconds to three significant digits: 0.143, 20.4, 503. */
  static String millis(long nanos) {
    return nanos == 0
        ? "0"
        : new BigDecimal(nanos / 1e6)
            .round(new MathContext(3))
            .stripTrailingZeros()
            .toPlainString();
  }

  private static String atMost(double seconds) {
    return Double.isNaN(seconds) ? "—" : "≤ " + seconds(seconds);
  }

  private static String seconds(double seconds) {
    if (Double.isNaN(seconds)) {
      return "—";
    }
    return Double.isInfinite(seconds) ? "∞" : millis(Math.round(seconds * 1e9));
  }

  static String rate(double rate) {
    return new BigDecimal(rate).round(new MathContext(4)).stripTrailingZeros().toPlainString();
  }

  private static String commandLine(List<String> args) {
    return args.stream()
        .map(a -> a.matches("[A-Za-z0-9_./:=@%+,-]+") ? a : "'" + a.replace("'", "'\\''") + "'")
        .collect(Collectors.joining(" "));
  }
}
