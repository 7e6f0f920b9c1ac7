package com.shopverse.events;

/** Kafka topic names shared by producers and consumers. */
public final class Topics {

  /**
   * Shopper interactions, keyed by shopper (user id, else anonymous id) so one shopper stays
   * ordered.
   */
  public static final String USER_INTERACTIONS = "user-interactions";

  /** Catalog changes published by catalog-service through its outbox. */
  public static final String CATALOG_EVENTS = "catalog-events";

  /** Order changes published by order-service through its outbox. */
  public static final String ORDER_EVENTS = "order-events";

  /**
   * Sign-in events published by auth-service through its outbox, keyed by client address so one
   * client's attempts stay in order.
   */
  public static final String AUTH_EVENTS = "auth-events";

  private Topics() {}
}
