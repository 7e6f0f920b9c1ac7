package com.shopverse.ops.sink;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.shopverse.clickhouse.ClickHouseException;
import com.shopverse.clickhouse.ClickHouseHttp;
import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Writes rows (records with Jackson names matching the columns) to one ClickHouse table over HTTP
 * in JSONEachRow batches: when {@code batchSize} rows wait, and before every checkpoint. At least
 * once; the tables' deterministic keys (ReplacingMergeTree) make a re-written row replace itself. A
 * failing insert is retried with capped back-off while ClickHouse says the failure is passing
 * (down, restarting): the task then takes no input and Kafka keeps the events. Smaller than the
 * analytics job's sink on purpose: this job writes a few rows per bucket, not one per event.
 */
public final class ClickHouseTableSink<T> implements Sink<T> {

  /** Where to write. */
  public record Target(String url, String database, String table, int batchSize, Duration timeout)
      implements Serializable {}

  private final Target target;

  public ClickHouseTableSink(Target target) {
    this.target = target;
  }

  @Override
  public SinkWriter<T> createWriter(WriterInitContext context) {
    return new Writer<>(target);
  }

  private static final class Writer<T> implements SinkWriter<T> {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Target target;
    private final ClickHouseHttp clickHouse;
    private final String insertSql;
    private final List<String> buffer = new ArrayList<>();

    Writer(Target target) {
      this.target = target;
      this.clickHouse = ClickHouseHttp.of(target.url(), target.database(), target.timeout());
      this.insertSql = "INSERT INTO " + target.table() + " FORMAT JSONEachRow";
    }

    @Override
    public void write(T row, Context context) throws IOException {
      buffer.add(JSON.writeValueAsString(row));
      if (buffer.size() >= target.batchSize()) {
        send();
      }
    }

    @Override
    public void flush(boolean endOfInput) throws IOException {
      send();
    }

    @Override
    public void close() {
      // Rows still here came after the last checkpoint: they are read again from Kafka.
      buffer.clear();
    }

    private void send() throws IOException {
      if (buffer.isEmpty()) {
        return;
      }
      String body = String.join("\n", buffer) + "\n";
      long backoff = 100;
      while (true) {
        try {
          clickHouse.insert(insertSql, body);
          buffer.clear();
          return;
        } catch (ClickHouseException e) {
          if (!e.retryable()) {
            throw new IOException("ClickHouse refused " + insertSql, e);
          }
          try {
            Thread.sleep(backoff);
          } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while retrying " + insertSql, interrupted);
          }
          backoff = Math.min(2 * backoff, 2_000);
        }
      }
    }
  }
}
