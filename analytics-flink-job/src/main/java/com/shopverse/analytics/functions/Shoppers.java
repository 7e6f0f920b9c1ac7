package com.shopverse.analytics.functions;

import com.shopverse.analytics.InteractionRow;
import com.shopverse.events.InteractionType;

/** How the model functions see an interaction row. */
public final class Shoppers {

  private Shoppers() {}

  /**
   * The shopper's key: {@code u:<userId>} when logged in, {@code a:<anonymousId>} otherwise, so an
   * anonymous id chosen by a client can never be taken for somebody's account.
   */
  public static String key(InteractionRow row) {
    if (row.userId() != null && !row.userId().isEmpty()) {
      return "u:" + row.userId();
    }
    return "a:" + (row.anonymousId() == null ? "" : row.anonymousId());
  }

  /** Whether the row is about one product, by a known shopper, with a type the model knows. */
  public static boolean modelled(InteractionRow row) {
    boolean shopper =
        (row.userId() != null && !row.userId().isEmpty())
            || (row.anonymousId() != null && !row.anonymousId().isEmpty());
    return shopper && row.productId() != null && !row.productId().isEmpty() && type(row) != null;
  }

  /** The row's type, or null for a type this version does not know. */
  public static InteractionType type(InteractionRow row) {
    try {
      return InteractionType.valueOf(row.type());
    } catch (IllegalArgumentException | NullPointerException unknown) {
      return null;
    }
  }
}
