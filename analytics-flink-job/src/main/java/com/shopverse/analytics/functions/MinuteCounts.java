package com.shopverse.analytics.functions;

/**
 * The running counts of one product in one minute, as kept in Flink state. A mutable POJO on
 * purpose: Flink serializes it field by field, without Kryo.
 */
public class MinuteCounts {
  public String categoryId = "";
  public long views;
  public long clicks;
  public long carts;
  public long removes;
  public long purchases;
  public long revenueMinor;
  public String currency = "";
  public boolean dirty;

  public MinuteCounts() {}
}
