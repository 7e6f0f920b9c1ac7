package com.shopverse.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Producer;

/**
 * Makes the relay's producers report Kafka's own client metrics ({@code
 * kafka_producer_record_send_total}, {@code kafka_producer_record_error_total}, {@code
 * kafka_producer_request_latency_avg}, ...). The relay builds its own {@code KafkaProducer}, which
 * Spring Kafka's producer listener never sees, so they are bound here. The relay replaces its
 * producer after a failure: the old one's meters are removed before the new one's are bound (the
 * same meter names and tags would otherwise keep reading the closed producer).
 */
final class MeteredProducers implements Supplier<Producer<String, byte[]>> {

  private final Supplier<Producer<String, byte[]>> producers;
  private final MeterRegistry registry;
  private KafkaClientMetrics bound;

  MeteredProducers(Supplier<Producer<String, byte[]>> producers, MeterRegistry registry) {
    this.producers = producers;
    this.registry = registry;
  }

  /** Called from the relay's one thread only. */
  @Override
  public Producer<String, byte[]> get() {
    if (bound != null) {
      bound.close();
    }
    Producer<String, byte[]> producer = producers.get();
    bound = new KafkaClientMetrics(producer);
    bound.bindTo(registry);
    return producer;
  }
}
