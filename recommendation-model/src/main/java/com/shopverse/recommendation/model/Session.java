package com.shopverse.recommendation.model;

import com.shopverse.events.InteractionType;
import java.util.ArrayList;
import java.util.List;

/**
 * One shopper's current session, as the co-visitation counter keeps it (a mutable POJO so Flink
 * serializes it without Kryo). Each product keeps the strongest weight it reached in the session; a
 * pair's contribution per session is the product of its two weights, so viewing A and B twice
 * counts once, and putting B in the cart raises the pair instead of adding a second one.
 */
public class Session {
  public long lastEventMs = Long.MIN_VALUE;
  public List<SessionItem> items = new ArrayList<>();

  public Session() {}

  /**
   * Adds one interaction and returns the co-visitation increments it causes (empty when the product
   * did not get a stronger weight in this session).
   */
  public List<PairIncrement> add(
      String productId, InteractionType type, long eventTimeMs, ModelSettings settings) {
    if (eventTimeMs - lastEventMs > settings.sessionGap().toMillis()) {
      items.clear();
    }
    lastEventMs = Math.max(lastEventMs, eventTimeMs);
    double weight = settings.weight(type);
    if (weight <= 0) {
      return List.of();
    }
    SessionItem item = remove(productId);
    double before = item == null ? 0 : item.weight;
    double after = Math.max(before, weight);
    items.add(new SessionItem(productId, after));
    while (items.size() > settings.sessionItems()) {
      items.remove(0);
    }
    if (after == before) {
      return List.of();
    }
    double boost = settings.boost(eventTimeMs);
    List<PairIncrement> increments = new ArrayList<>();
    for (SessionItem other : items) {
      if (!other.productId.equals(productId)) {
        double delta = (after - before) * other.weight * boost;
        increments.add(new PairIncrement(productId, other.productId, delta));
        increments.add(new PairIncrement(other.productId, productId, delta));
      }
    }
    return increments;
  }

  private SessionItem remove(String productId) {
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i).productId.equals(productId)) {
        return items.remove(i);
      }
    }
    return null;
  }

  /** A product seen in the session and the strongest weight it reached. */
  public static class SessionItem {
    public String productId;
    public double weight;

    public SessionItem() {}

    SessionItem(String productId, double weight) {
      this.productId = productId;
      this.weight = weight;
    }
  }
}
