package com.shopverse.ops;

import org.apache.flink.metrics.MetricGroup;

/**
 * The job's metrics, in group {@code shopverse} with a {@code series} label (and {@code horizon}
 * for forecasts), so Flink's Prometheus reporter exposes {@code
 * flink_taskmanager_job_task_operator_shopverse_series_anomalies{series=…}} and {@code
 * …_shopverse_series_horizon_forecast_per_second{series=…,horizon=…}}; the recording rules in
 * deploy/prometheus/rules/ops-intelligence.yml turn them into {@code shopverse_anomalies_total} and
 * {@code shopverse_forecast_events_per_second}. Only series names are labels, never a product or a
 * shopper: the key of a peer anomaly is in the table and the topic, not in Prometheus.
 */
public final class OpsMetrics {

  public static final String GROUP = "shopverse";
  public static final String ANOMALIES = "anomalies";
  public static final String FORECAST_PER_SECOND = "forecast_per_second";
  public static final String MALFORMED = "records_malformed";
  public static final String LATE_EVENTS = "late_events";
  public static final String LATE_BY_MS = "late_by_ms";

  /**
   * The aggregate series every job has, registered when an operator opens (not on the first anomaly
   * or forecast), so dashboards and the rules' metrics exist from the start.
   */
  public static java.util.List<String> aggregateSeries() {
    java.util.List<String> names = new java.util.ArrayList<>();
    for (com.shopverse.events.InteractionType type :
        com.shopverse.events.InteractionType.values()) {
      names.add("events." + type.name());
    }
    names.addAll(
        java.util.List.of(
            com.shopverse.ops.functions.InteractionSeries.ALL_EVENTS,
            com.shopverse.ops.functions.OrderSeries.ORDERS,
            com.shopverse.ops.functions.OrderSeries.ORDERS_CANCELLED,
            com.shopverse.ops.functions.OrderSeries.CHECKOUT_FAILURES,
            com.shopverse.ops.functions.AuthSeries.ALL_LOGIN_FAILURES));
    return names;
  }

  /** The keyed series, judged against their peers. */
  public static java.util.List<String> keyedSeries() {
    return java.util.List.of(
        com.shopverse.ops.functions.InteractionSeries.PRODUCT_VIEWS,
        com.shopverse.ops.functions.InteractionSeries.SHOPPER_EVENTS,
        com.shopverse.ops.functions.AuthSeries.LOGIN_FAILURES);
  }

  /**
   * The keyed series that count failures: none is the usual count of a key, so a key is judged by
   * {@link com.shopverse.ops.model.PeerDetector#detectFailures}, without a warm-up and without
   * needing peers.
   */
  public static java.util.Set<String> failureSeries() {
    return FAILURE_SERIES;
  }

  // Asked once per bucket of every keyed series: one set, not one per call.
  private static final java.util.Set<String> FAILURE_SERIES =
      java.util.Set.of(com.shopverse.ops.functions.AuthSeries.LOGIN_FAILURES);

  private OpsMetrics() {}

  public static MetricGroup series(MetricGroup operator, String series) {
    return operator.addGroup(GROUP).addGroup("series", series);
  }
}
