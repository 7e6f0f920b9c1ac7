package com.shopverse.analytics.sink;

import com.shopverse.analytics.metrics.ShopverseMetrics;
import com.shopverse.clickhouse.ClickHouseException;
import com.shopverse.clickhouse.ClickHouseHttp;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.groups.SinkWriterMetricGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buffers rows and sends them when the batch is full, when the oldest row has waited {@code
 * maxDelay} (a processing-time timer, so a lone event is not held until the next one), and before
 * every checkpoint. A send that fails for a passing reason (ClickHouse down, slow, restarting) is
 * retried with capped back-off for as long as it takes ({@code maxAttempts} 0) or up to {@code
 * maxAttempts}: while it waits the task takes no more input and Kafka keeps the events, which is
 * the back-pressure. An error ClickHouse will repeat (bad SQL, unknown table) fails the task at
 * once; Flink restarts from the last checkpoint and the rows are written again.
 *
 * <p>Metrics (group {@code shopverse}): rows ClickHouse accepted, failed insert attempts, and
 * attempts retried; the sink's operator name ({@code clickhouse-<table>}) tells the tables apart.
 */
final class ClickHouseSinkWriter<T> implements SinkWriter<T> {

  private static final Logger log = LoggerFactory.getLogger(ClickHouseSinkWriter.class);

  private final ClickHouseSink.ClickHouseSinkSettings settings;
  private final String insertSql;
  private final ClickHouseSink.RowFormat<T> format;
  private final ProcessingTimeService time;
  private final ClickHouseHttp clickHouse;
  private final Counter recordsSent;
  private final Counter rowsWritten;
  private final Counter failures;
  private final Counter retries;
  private final List<String> buffer = new ArrayList<>();
  private boolean timerPending;

  ClickHouseSinkWriter(
      ClickHouseSink.ClickHouseSinkSettings settings,
      String table,
      ClickHouseSink.RowFormat<T> format,
      ProcessingTimeService time,
      SinkWriterMetricGroup metrics) {
    this.settings = settings;
    this.insertSql = "INSERT INTO " + table + " FORMAT JSONEachRow";
    this.format = format;
    this.time = time;
    this.clickHouse = ClickHouseHttp.of(settings.url(), settings.database(), settings.timeout());
    this.recordsSent = metrics.getNumRecordsSendCounter();
    MetricGroup shopverse = ShopverseMetrics.of(metrics);
    this.rowsWritten = shopverse.counter(ShopverseMetrics.ROWS_WRITTEN);
    this.failures = shopverse.counter(ShopverseMetrics.INSERT_FAILURES);
    this.retries = shopverse.counter(ShopverseMetrics.INSERT_RETRIES);
  }

  @Override
  public void write(T row, Context context) throws IOException {
    try {
      buffer.add(format.toJson(row));
    } catch (Exception e) {
      throw new IOException("Could not format row for " + insertSql, e);
    }
    if (buffer.size() >= settings.batchSize()) {
      send();
    } else if (!timerPending) {
      timerPending = true;
      time.registerTimer(
          time.getCurrentProcessingTime() + settings.maxDelay().toMillis(),
          timestamp -> {
            timerPending = false;
            send();
          });
    }
  }

  @Override
  public void flush(boolean endOfInput) throws IOException {
    send();
  }

  @Override
  public void close() {
    // Reached with rows still buffered only when the task is failing or cancelled: they came after
    // the last checkpoint and will be read again from Kafka, so they are dropped, never thrown
    // about (an exception here would take the whole task manager down).
    if (!buffer.isEmpty()) {
      log.info(
          "Dropping {} unsent rows for {} on close; they are replayed from the checkpoint",
          buffer.size(),
          insertSql);
      buffer.clear();
    }
  }

  private void send() throws IOException {
    if (buffer.isEmpty()) {
      return;
    }
    String body = String.join("\n", buffer) + "\n";
    long backoffMillis = 100;
    for (int attempt = 1; ; attempt++) {
      try {
        clickHouse.insert(insertSql, body);
        recordsSent.inc(buffer.size());
        rowsWritten.inc(buffer.size());
        buffer.clear();
        return;
      } catch (ClickHouseException e) {
        failures.inc();
        boolean forever = settings.maxAttempts() <= 0;
        if (!e.retryable() || (!forever && attempt >= settings.maxAttempts())) {
          throw new IOException("Giving up on " + insertSql + " after " + attempt + " attempts", e);
        }
        retries.inc();
        if (attempt == 1 || attempt % 10 == 0) {
          log.warn(
              "Retrying {} (attempt {}, {} rows waiting): {}",
              insertSql,
              attempt,
              buffer.size(),
              e.getMessage());
        }
        sleep(backoffMillis);
        backoffMillis = Math.min(backoffMillis * 2, 2_000);
      }
    }
  }

  private static void sleep(long millis) throws IOException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while backing off", e);
    }
  }
}
