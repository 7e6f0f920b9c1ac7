package com.shopverse.analytics.metrics;

import org.apache.flink.metrics.MetricGroup;

/**
 * The job's own metrics, in one group named {@code shopverse} under each operator's group, so the
 * Prometheus reporter exposes them as {@code flink_taskmanager_job_task_operator_shopverse_<name>}
 * with the operator's labels ({@code operator_name}, {@code subtask_index}, {@code job_name}, …).
 * The names are a contract with the dashboards and alert rules in deploy/: change them together.
 */
public final class ShopverseMetrics {

  public static final String GROUP = "shopverse";

  /** Events too late for their minute's counts (beyond the allowed lateness); raw table only. */
  public static final String LATE_EVENTS = "late_events";

  /** Processing time minus the operator's current event-time watermark, in milliseconds. */
  public static final String WATERMARK_LAG_MS = "watermark_lag_ms";

  /** Rows ClickHouse accepted, per sink (the sink's operator names the table). */
  public static final String ROWS_WRITTEN = "clickhouse_rows_written";

  /** Insert requests ClickHouse did not accept (each failed attempt once). */
  public static final String INSERT_FAILURES = "clickhouse_insert_failures";

  /** Failed inserts that were tried again after a back-off. */
  public static final String INSERT_RETRIES = "clickhouse_insert_retries";

  /**
   * Records a parse function could not read (malformed JSON, unknown type, missing field), sent to
   * the source topic's dead-letter topic; the parsing operator names the topic.
   */
  public static final String DEAD_LETTERS = "dead_letters";

  /** Catalog events older than what the product dimension already holds (ignored). */
  public static final String STALE_CATALOG_EVENTS = "stale_catalog_events";

  /**
   * Interactions of shoppers the ops job flagged as bots, kept out of co-visitation, profiles and
   * per-minute statistics (the raw table keeps them).
   */
  public static final String BOT_EVENTS_EXCLUDED = "bot_events_excluded";

  /** Bot flags read from the {@code anomalies} topic (peer anomalies of shoppers, upwards). */
  public static final String BOT_FLAGS = "bot_flags";

  /** Co-visitation pairs and shopper items rewritten without a newly flagged bot's share. */
  public static final String BOT_ROWS_RETRACTED = "bot_rows_retracted";

  private ShopverseMetrics() {}

  public static MetricGroup of(MetricGroup operator) {
    return operator.addGroup(GROUP);
  }
}
