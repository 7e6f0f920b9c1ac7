package com.shopverse.ingest;

import com.shopverse.events.InteractionEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends events to Kafka and returns only once the broker acknowledged every one of them ({@code
 * acks=all}, idempotent producer). This is what makes a 202 a promise. Every record carries the
 * request's trace context in its headers ({@link TraceHeaders}).
 */
@Component
class EventPublisher {

  /** The broker did not acknowledge within the timeout; nothing may be reported as accepted. */
  static class NotAcknowledged extends RuntimeException {
    NotAcknowledged(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final KafkaTemplate<String, byte[]> kafka;
  private final JsonMapper json;
  private final IngestProperties properties;
  private final Timer produceLatency;
  private final TraceHeaders traceHeaders;

  EventPublisher(
      KafkaTemplate<String, byte[]> kafka,
      JsonMapper json,
      IngestProperties properties,
      MeterRegistry meters,
      TraceHeaders traceHeaders) {
    this.kafka = kafka;
    this.json = json;
    this.properties = properties;
    this.traceHeaders = traceHeaders;
    this.produceLatency =
        Timer.builder("shopverse.ingest.produce.latency")
            .description("From send to the broker's acknowledgement of a request's events")
            .publishPercentileHistogram()
            .register(meters);
  }

  void publish(List<InteractionEvent> events) {
    long start = System.nanoTime();
    CompletableFuture<?>[] sends;
    List<Header> trace = traceHeaders.current();
    try {
      sends =
          events.stream()
              .map(
                  e ->
                      kafka.send(
                          new ProducerRecord<>(
                              properties.topic(),
                              null,
                              e.shopperKey(),
                              json.writeValueAsBytes(e),
                              trace)))
              .toArray(CompletableFuture[]::new);
    } catch (RuntimeException e) {
      // send() itself fails when metadata cannot be fetched within max.block.ms.
      throw new NotAcknowledged("Kafka did not take the events: " + e.getMessage(), e);
    }
    try {
      CompletableFuture.allOf(sends).get(properties.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new NotAcknowledged("Kafka did not acknowledge the events: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NotAcknowledged("Interrupted while waiting for Kafka", e);
    } finally {
      produceLatency.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }
  }
}
