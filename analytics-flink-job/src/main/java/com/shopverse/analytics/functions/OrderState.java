package com.shopverse.analytics.functions;

/**
 * What the job knows of one order while it waits for it to be paid: the placed lines, whether it
 * was paid (and when), cancelled, or already counted. A mutable POJO on purpose: Flink serializes
 * it field by field, without Kryo.
 */
public class OrderState {
  public String userId;
  public String[] productIds;
  public int[] quantities;
  public long[] unitPricesMinor;
  public String currency;

  /** Event time of the payment; 0 while unpaid. */
  public long paidMs;

  public String paidCurrency;
  public boolean cancelled;
  public boolean counted;

  public OrderState() {}

  boolean placed() {
    return productIds != null;
  }
}
