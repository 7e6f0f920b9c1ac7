package com.shopverse.analytics.sink;

import java.io.Serializable;
import java.time.Duration;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Writes rows to one ClickHouse table over HTTP in JSONEachRow batches. At least once: the writer
 * flushes before every checkpoint; exactly-once effect comes from the tables, whose deterministic
 * keys make a re-written row replace itself (ClickHouse 18.16 has no insert deduplication tokens).
 *
 * <p>Hand-written on purpose: the official ClickHouse Flink connector is not available here and the
 * official Java clients fail against ClickHouse 18.16 (see ../shared/DESIGN.md).
 */
public final class ClickHouseSink<T> implements Sink<T> {

  /** Turns one row into one line of JSON. */
  @FunctionalInterface
  public interface RowFormat<T> extends Serializable {
    String toJson(T row) throws Exception;
  }

  private final ClickHouseSinkSettings settings;
  private final String table;
  private final RowFormat<T> format;

  public ClickHouseSink(ClickHouseSinkSettings settings, String table, RowFormat<T> format) {
    this.settings = settings;
    this.table = table;
    this.format = format;
  }

  @Override
  public SinkWriter<T> createWriter(WriterInitContext context) {
    return new ClickHouseSinkWriter<>(
        settings, table, format, context.getProcessingTimeService(), context.metricGroup());
  }

  /**
   * Where and how to write.
   *
   * @param maxAttempts attempts per batch before the task fails; 0 retries passing failures forever
   */
  public record ClickHouseSinkSettings(
      String url,
      String database,
      int batchSize,
      Duration maxDelay,
      int maxAttempts,
      Duration timeout)
      implements Serializable {}
}
