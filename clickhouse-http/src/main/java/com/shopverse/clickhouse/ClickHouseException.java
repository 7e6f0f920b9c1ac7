package com.shopverse.clickhouse;

/** A failed ClickHouse call: the server's error text, or the transport failure that stopped it. */
public class ClickHouseException extends RuntimeException {

  private final boolean retryable;

  public ClickHouseException(String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
  }

  /**
   * True for transport failures and timeouts, false for errors the server reported about the SQL.
   */
  public boolean retryable() {
    return retryable;
  }
}
