package com.shopverse.analytics;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Wraps a sink and crashes its task once, after {@code failAfter} rows went through: the job must
 * then recover from its last checkpoint. State is static because the MiniCluster runs in this JVM
 * and a restarted task gets a fresh sink instance.
 */
final class FailOnceSink<T> implements Sink<T> {

  static final AtomicBoolean failed = new AtomicBoolean();
  static final AtomicLong written = new AtomicLong();

  private final Sink<T> delegate;
  private final long failAfter;

  FailOnceSink(Sink<T> delegate, long failAfter) {
    this.delegate = delegate;
    this.failAfter = failAfter;
  }

  @Override
  public SinkWriter<T> createWriter(WriterInitContext context) throws IOException {
    SinkWriter<T> writer = delegate.createWriter(context);
    return new SinkWriter<>() {
      @Override
      public void write(T element, Context ctx) throws IOException, InterruptedException {
        writer.write(element, ctx);
        if (written.incrementAndGet() >= failAfter && failed.compareAndSet(false, true)) {
          writer.flush(false); // what was already sent stays in ClickHouse, as after a real crash
          throw new IOException("injected crash after " + failAfter + " rows");
        }
      }

      @Override
      public void flush(boolean endOfInput) throws IOException, InterruptedException {
        writer.flush(endOfInput);
      }

      @Override
      public void close() throws Exception {
        writer.close();
      }
    };
  }
}
