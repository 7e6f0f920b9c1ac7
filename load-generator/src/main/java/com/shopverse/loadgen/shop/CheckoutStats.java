package com.shopverse.loadgen.shop;

import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * What happened to the orders of one run, in nanoseconds. One lock: a few thousand records per
 * second cost far less than the noise it guards.
 *
 * <p>An order's latency runs from its intended start to the checkout's answer (or to the failed
 * cart add), so a stalled stack, and shoppers all busy, show up in it instead of being omitted. An
 * order given up unsent (no free shopper within the timeout) enters it at the moment it was given
 * up: a lower bound that keeps it in the tail. Each step's latency runs from when it was sent.
 */
final class CheckoutStats {

  static final String PAID = "201";
  static final String NOT_SENT = "not sent (no free shopper within the timeout)";

  private final Histogram order = new Histogram(3);
  private final Histogram cartAdd = new Histogram(3);
  private final Histogram checkout = new Histogram(3);
  private final Histogram startLag = new Histogram(3);
  private final Map<String, Long> outcomes = new TreeMap<>();
  private final Map<String, Long> answeredUnits = new TreeMap<>();
  private long lastDoneNanos;

  synchronized void cartAdd(long lagNanos, long tookNanos) {
    startLag.recordValue(Math.max(0, lagNanos));
    cartAdd.recordValue(tookNanos);
  }

  synchronized void checkout(long tookNanos) {
    checkout.recordValue(tookNanos);
  }

  /** An order ended: {@code outcome} as {@link BlockingHttp.Answer#outcome()} names it. */
  synchronized void order(long intendedNanos, long doneNanos, String outcome) {
    order.recordValue(Math.max(0, doneNanos - intendedNanos));
    outcomes.merge(outcome, 1L, Long::sum);
    lastDoneNanos = Math.max(lastDoneNanos, doneNanos);
  }

  /** A 201, with the units its order holds per product. */
  synchronized void paid(long intendedNanos, long doneNanos, Map<String, Long> units) {
    order(intendedNanos, doneNanos, PAID);
    units.forEach((product, n) -> answeredUnits.merge(product, n, Long::sum));
  }

  synchronized long count(String outcome) {
    return outcomes.getOrDefault(outcome, 0L);
  }

  synchronized long ended() {
    return outcomes.values().stream().mapToLong(Long::longValue).sum();
  }

  /**
   * Orders whose checkout may still be running in order-service: no answer (timeout, broken
   * connection), or a 5xx that may be the gateway's rather than the service's.
   */
  synchronized long uncertain() {
    return outcomes.entrySet().stream()
        .filter(e -> e.getKey().matches("(timeout|error|5\\d\\d).*"))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  synchronized Map<String, Long> outcomes() {
    return new TreeMap<>(outcomes);
  }

  synchronized Map<String, Long> answeredUnits() {
    return new TreeMap<>(answeredUnits);
  }

  synchronized long lastDoneNanos() {
    return lastDoneNanos;
  }

  synchronized Histogram order() {
    return order.copy();
  }

  synchronized Histogram cartAdd() {
    return cartAdd.copy();
  }

  synchronized Histogram checkout() {
    return checkout.copy();
  }

  synchronized Histogram startLag() {
    return startLag.copy();
  }
}
