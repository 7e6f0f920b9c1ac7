package com.shopverse.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes committed outbox rows to Kafka, at least once and in id order.
 *
 * <p>One round, in one transaction: take the relay's advisory lock (so one replica at a time
 * publishes and the order per key holds across replicas), read up to {@code batch-size} unpublished
 * rows in id order ({@code FOR UPDATE SKIP LOCKED}), send them with an idempotent {@code acks=all}
 * producer, wait for the acknowledgements, and mark the acknowledged prefix published. A row after
 * the first failure is never marked, so nothing is skipped; after a failure the producer is closed
 * (its unsent records discarded) and rebuilt, and the relay backs off exponentially up to {@code
 * max-backoff}. A crash between the broker's ack and the commit publishes a row twice: consumers
 * deduplicate by {@code eventId}.
 */
public class OutboxRelay implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

  /** The advisory lock id that makes one relay per database publish at a time. */
  static final long LOCK_KEY = 0x0b0c5_7e1a7L;

  private static final Duration PENDING_REFRESH = Duration.ofSeconds(1);
  private static final Duration CLEANUP_EVERY = Duration.ofMinutes(1);
  private static final int CLEANUP_BATCH = 10_000;

  record Row(long id, UUID eventId, String topic, String key, String payload, Instant createdAt) {}

  private static final RowMapper<Row> ROW =
      (rs, n) ->
          new Row(
              rs.getLong("id"),
              rs.getObject("event_id", UUID.class),
              rs.getString("topic"),
              rs.getString("message_key"),
              rs.getString("payload"),
              rs.getTimestamp("created_at").toInstant());

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final OutboxProperties properties;
  private final Supplier<Producer<String, byte[]>> producers;
  private final Clock clock = Clock.systemUTC();

  private final Semaphore wakeups = new Semaphore(0);
  private final AtomicLong pending = new AtomicLong();
  private final MeterRegistry meters;
  private final Counter failures;
  private final Timer lag;

  private volatile boolean running;
  private volatile CountDownLatch stopped = new CountDownLatch(0);
  private Thread thread;
  private Producer<String, byte[]> producer;
  private Instant lastPendingCount = Instant.EPOCH;
  private Instant lastCleanup = Instant.EPOCH;

  public OutboxRelay(
      JdbcTemplate jdbc,
      TransactionTemplate tx,
      OutboxProperties properties,
      Supplier<Producer<String, byte[]>> producers,
      MeterRegistry meters) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.properties = properties;
    this.producers = producers;
    this.meters = meters;
    Gauge.builder("shopverse.outbox.pending", pending, AtomicLong::get)
        .description("Outbox rows not yet published (refreshed about once a second)")
        .register(meters);
    this.failures =
        Counter.builder("shopverse.outbox.failures")
            .description(
                "Relay rounds that failed (Kafka or the database); rows stay and are retried")
            .register(meters);
    this.lag =
        Timer.builder("shopverse.outbox.lag")
            .description("From the outbox insert to the broker's acknowledgement")
            .publishPercentileHistogram()
            .register(meters);
  }

  /** Asks for a round now (called after a transaction with outbox rows committed). */
  public void wakeUp() {
    if (wakeups.availablePermits() == 0) {
      wakeups.release();
    }
  }

  @Override
  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    stopped = new CountDownLatch(1);
    thread = new Thread(this::loop, "outbox-relay");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public synchronized void stop() {
    if (!running) {
      return;
    }
    running = false;
    stopped.countDown();
    wakeUp();
    try {
      thread.join(properties.sendTimeout().plusSeconds(5).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    closeProducer(Duration.ofSeconds(2));
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void loop() {
    warmUp();
    Duration backoff = properties.pollInterval();
    while (running) {
      try {
        Round round = relayOnce();
        housekeeping();
        if (round.failure() != null) {
          throw round.failure();
        }
        backoff = properties.pollInterval();
        if (round.published() < properties.batchSize()) {
          // Woken early by a commit; drain so a burst of commits costs one round.
          wakeups.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
          wakeups.drainPermits();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        failures.increment();
        closeProducer(Duration.ZERO);
        log.warn(
            "Outbox relay round failed, retrying in {} ms: {}", backoff.toMillis(), e.toString());
        try {
          // Not woken by commits: a failing Kafka must not turn traffic into a busy loop.
          if (stopped.await(backoff.toMillis(), TimeUnit.MILLISECONDS)) {
            return;
          }
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return;
        }
        backoff = min(backoff.multipliedBy(2), properties.maxBackoff());
      }
    }
  }

  /**
   * Builds the producer and fetches the warm-up topics' metadata before any row is due. Left to the
   * first event, that took 4 to 20 s on a loaded machine (a new producer's classes, its connection,
   * a metadata wait that timed out and rebuilt it), and the events of those seconds reached Kafka
   * after the operations job had closed their buckets. A failure here is only logged: the first
   * round then builds the producer again, as after any failure.
   */
  private void warmUp() {
    try {
      Producer<String, byte[]> p = producer();
      for (String topic : properties.warmUpTopics()) {
        log.info("Outbox relay ready: {} has {} partitions", topic, p.partitionsFor(topic).size());
      }
    } catch (RuntimeException e) {
      closeProducer(Duration.ZERO);
      log.warn(
          "Outbox relay could not reach Kafka at start-up, retrying with the first row: {}",
          e.toString());
    }
  }

  /** What one round did: rows published, and the failure that ended it early, if any. */
  record Round(int published, Exception failure) {}

  /** One round; package-private so tests can drive it without the thread. */
  Round relayOnce() {
    return tx.execute(
        status -> {
          Boolean locked =
              jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class, LOCK_KEY);
          if (!Boolean.TRUE.equals(locked)) {
            return new Round(0, null);
          }
          List<Row> rows =
              jdbc.query(
                  "SELECT id, event_id, topic, message_key, payload, created_at FROM outbox"
                      + " WHERE published_at IS NULL ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED",
                  ROW,
                  properties.batchSize());
          if (rows.isEmpty()) {
            return new Round(0, null);
          }
          Sent sent = send(rows);
          if (sent.acked() > 0) {
            Long[] ids = rows.subList(0, sent.acked()).stream().map(Row::id).toArray(Long[]::new);
            jdbc.update(
                con -> {
                  var ps =
                      con.prepareStatement(
                          "UPDATE outbox SET published_at = now() WHERE id = ANY(?)");
                  ps.setArray(1, con.createArrayOf("bigint", ids));
                  return ps;
                });
          }
          return new Round(sent.acked(), sent.failure());
        });
  }

  private record Sent(int acked, Exception failure) {}

  private Sent send(List<Row> rows) {
    Producer<String, byte[]> p = producer();
    List<Future<?>> futures = new ArrayList<>(rows.size());
    Exception failure = null;
    for (Row row : rows) {
      try {
        var record =
            new ProducerRecord<>(
                row.topic(), null, row.key(), row.payload().getBytes(StandardCharsets.UTF_8));
        record
            .headers()
            .add(
                new RecordHeader(
                    "eventId", row.eventId().toString().getBytes(StandardCharsets.UTF_8)));
        Future<?> future = p.send(record);
        futures.add(future);
        if (future.isDone()) {
          // A send that failed at once (no metadata within max.block.ms) fails this round here:
          // sending the rows after it would only publish them again next round.
          try {
            future.get();
          } catch (Exception e) {
            break;
          }
        }
      } catch (RuntimeException e) {
        // send() fails by itself when metadata cannot be fetched within max.block.ms.
        failure = e;
        break;
      }
    }
    long deadline = System.nanoTime() + properties.sendTimeout().plusSeconds(1).toNanos();
    int acked = 0;
    for (Future<?> future : futures) {
      try {
        future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (Exception e) {
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        failure = e;
        break;
      }
      Row row = rows.get(acked);
      lag.record(Duration.between(row.createdAt(), clock.instant()));
      meters.counter("shopverse.outbox.published", "topic", row.topic()).increment();
      acked++;
    }
    return new Sent(acked, failure);
  }

  private void housekeeping() {
    Instant now = clock.instant();
    try {
      if (now.isAfter(lastPendingCount.plus(PENDING_REFRESH))) {
        lastPendingCount = now;
        Long count =
            jdbc.queryForObject(
                "SELECT count(*) FROM outbox WHERE published_at IS NULL", Long.class);
        pending.set(count == null ? 0 : count);
      }
      if (now.isAfter(lastCleanup.plus(CLEANUP_EVERY))) {
        lastCleanup = now;
        int deleted =
            jdbc.update(
                "DELETE FROM outbox WHERE id IN (SELECT id FROM outbox WHERE published_at < ?"
                    + " ORDER BY id LIMIT ?)",
                Timestamp.from(now.minus(properties.retention())),
                CLEANUP_BATCH);
        if (deleted > 0) {
          log.debug(
              "Deleted {} published outbox rows older than {}", deleted, properties.retention());
        }
      }
    } catch (RuntimeException e) {
      log.debug("Outbox housekeeping failed: {}", e.toString());
    }
  }

  private Producer<String, byte[]> producer() {
    if (producer == null) {
      producer = producers.get();
    }
    return producer;
  }

  private void closeProducer(Duration timeout) {
    Producer<String, byte[]> p = producer;
    producer = null;
    if (p != null) {
      try {
        p.close(timeout);
      } catch (RuntimeException e) {
        log.debug("Closing the outbox producer failed: {}", e.toString());
      }
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
