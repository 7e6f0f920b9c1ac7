package com.shopverse.analytics.functions;

/**
 * The product dimension's current view of one product. A mutable POJO on purpose: Flink serializes
 * it field by field, without Kryo.
 */
public class ProductState {
  public String sku = "";
  public String name = "";
  public String categoryId = "";
  public long priceMinor;
  public String currency = "";
  public boolean active = true;
  public int stock;
  public boolean inStock;

  /** The catalog's version of the product facts; 0 until a ProductChanged was seen. */
  public long productVersion;

  /** Event time of the event the stock comes from. */
  public long stockMs = Long.MIN_VALUE;

  /** Event time of the newest event applied. */
  public long updatedMs;

  public ProductState() {}
}
