package com.shopverse.analytics.functions;

import com.shopverse.analytics.InteractionRow;

/** Interaction rows for operator tests (an Object Mother): only what the operators read. */
final class Interactions {

  private Interactions() {}

  static InteractionRow byUser(String user, String type, String product, long timeMs) {
    return row(user, null, type, product, timeMs);
  }

  static InteractionRow byAnonymous(String anonymousId, String type, String product, long timeMs) {
    return row(null, anonymousId, type, product, timeMs);
  }

  private static InteractionRow row(
      String user, String anonymousId, String type, String product, long timeMs) {
    return new InteractionRow(
        user + "/" + anonymousId + "/" + type + "/" + product + "/" + timeMs,
        type,
        1,
        "2026-12-01",
        timeMs / 1000,
        timeMs,
        timeMs,
        user,
        anonymousId,
        null,
        product,
        "cat-1",
        null,
        null,
        null,
        null,
        null,
        null,
        timeMs);
  }
}
