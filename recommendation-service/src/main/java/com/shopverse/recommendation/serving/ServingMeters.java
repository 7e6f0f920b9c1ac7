package com.shopverse.recommendation.serving;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The serving meters, looked up once per (kind, source) and (kind, reason) and then reused: a
 * registry lookup builds a meter id and tags, and doing that for every item of every list was most
 * of what a request allocated besides the list itself. The tag values come from small fixed sets
 * (kinds, sources, reason codes), so these maps stay small.
 */
final class ServingMeters {

  private final MeterRegistry registry;
  private final Map<String, Kind> kinds = new ConcurrentHashMap<>();

  ServingMeters(MeterRegistry registry) {
    this.registry = registry;
  }

  Kind kind(String kind) {
    Kind meters = kinds.get(kind);
    return meters != null ? meters : kinds.computeIfAbsent(kind, k -> new Kind(registry, k));
  }

  /** The meters of one kind of list. */
  static final class Kind {
    private final MeterRegistry registry;
    private final String kind;
    private final Timer latency;
    private final Counter fallbacks;
    private final Map<String, Counter> served = new ConcurrentHashMap<>();
    private final Map<String, Counter> reasons = new ConcurrentHashMap<>();

    private Kind(MeterRegistry registry, String kind) {
      this.registry = registry;
      this.kind = kind;
      this.latency = registry.timer("shopverse.recommendations.latency", "kind", kind);
      this.fallbacks = registry.counter("shopverse.recommendations.fallbacks", "kind", kind);
    }

    void latency(long startNanos) {
      latency.record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    }

    void fallback() {
      fallbacks.increment();
    }

    void served(String source) {
      counter(served, "shopverse.recommendations.served", "source", source).increment();
    }

    void reason(String reasonCode) {
      counter(reasons, "shopverse.recommendations.reasons", "reason", reasonCode).increment();
    }

    private Counter counter(Map<String, Counter> cache, String name, String tag, String value) {
      Counter counter = cache.get(value);
      return counter != null
          ? counter
          : cache.computeIfAbsent(value, v -> registry.counter(name, "kind", kind, tag, v));
    }
  }
}
