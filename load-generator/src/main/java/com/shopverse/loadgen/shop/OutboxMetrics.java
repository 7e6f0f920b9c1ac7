package com.shopverse.loadgen.shop;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The outbox relay's meters as one service's {@code /actuator/prometheus} shows them (see {@code
 * OutboxRelay}): the timer {@code shopverse.outbox.lag} (outbox insert → broker ack, a percentile
 * histogram), the counter {@code shopverse.outbox.published} and the gauge {@code
 * shopverse.outbox.pending}. A run's figures are the difference of two snapshots, so whatever the
 * service published before the run does not count.
 *
 * @param buckets cumulative count per upper bound in seconds ({@code le}), all series summed
 * @param max the timer's max over Micrometer's decaying window (about the last two minutes)
 */
record OutboxMetrics(
    Map<Double, Double> buckets,
    double count,
    double sumSeconds,
    double max,
    double published,
    double pending) {

  private static final String LAG = "shopverse_outbox_lag_seconds";
  private static final Pattern SAMPLE =
      Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})?\\s+(\\S+).*");
  private static final Pattern LE = Pattern.compile("le=\"([^\"]+)\"");

  static OutboxMetrics parse(String prometheusText) {
    Map<Double, Double> buckets = new TreeMap<>();
    double count = 0;
    double sum = 0;
    double max = 0;
    double published = 0;
    double pending = 0;
    for (String line : prometheusText.split("\n")) {
      Matcher sample = SAMPLE.matcher(line.strip());
      if (line.startsWith("#") || !sample.matches()) {
        continue;
      }
      String labels = sample.group(2) == null ? "" : sample.group(2);
      double value = number(sample.group(3));
      switch (sample.group(1)) {
        case LAG + "_bucket" -> {
          Matcher le = LE.matcher(labels);
          if (le.find()) {
            buckets.merge(number(le.group(1)), value, Double::sum);
          }
        }
        case LAG + "_count" -> count += value;
        case LAG + "_sum" -> sum += value;
        case LAG + "_max" -> max = Math.max(max, value);
        case "shopverse_outbox_published_total" -> published += value;
        case "shopverse_outbox_pending" -> pending += value;
        default -> {
          // another meter
        }
      }
    }
    return new OutboxMetrics(buckets, count, sum, max, published, pending);
  }

  /** This snapshot minus an earlier one: what happened in between (max and pending are now's). */
  OutboxMetrics since(OutboxMetrics earlier) {
    Map<Double, Double> delta = new TreeMap<>();
    buckets.forEach((le, n) -> delta.put(le, n - earlier.buckets.getOrDefault(le, 0.0)));
    return new OutboxMetrics(
        delta,
        count - earlier.count,
        sumSeconds - earlier.sumSeconds,
        max,
        published - earlier.published,
        pending);
  }

  /**
   * The upper bound (seconds) of the bucket holding quantile {@code q}: the lag is at most this.
   * NaN without samples; infinite if only the {@code +Inf} bucket reaches it.
   */
  double quantileAtMost(double q) {
    double total = buckets.getOrDefault(Double.POSITIVE_INFINITY, count);
    if (total <= 0) {
      return Double.NaN;
    }
    for (Map.Entry<Double, Double> bucket : buckets.entrySet()) {
      if (bucket.getValue() >= q * total) {
        return bucket.getKey();
      }
    }
    return Double.POSITIVE_INFINITY;
  }

  double meanSeconds() {
    return count > 0 ? sumSeconds / count : Double.NaN;
  }

  private static double number(String text) {
    return switch (text) {
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(text);
    };
  }
}
