package com.shopverse.ops;

/**
 * One event counted in one series: {@code key} is {@code *} for an aggregate series, else the
 * product or shopper it is about. An event feeds several series (its type, all events, its shopper,
 * its product).
 */
public record SeriesEvent(String series, String key, long timeMs) {

  public static final String AGGREGATE = "*";

  public boolean aggregate() {
    return AGGREGATE.equals(key);
  }
}
