package com.shopverse.analytics.functions;

import com.shopverse.recommendation.model.PairIncrement;
import java.util.ArrayList;
import java.util.List;

/**
 * What one shopper's current session added to each co-visitation pair, so it can be taken back if
 * the shopper turns out to be a bot. A POJO of plain lists so Flink serializes it without Kryo. One
 * entry per unordered pair (increments come in both directions with the same delta); at most {@link
 * #MAX_PAIRS} pairs, after which further pairs are not remembered (and not retracted).
 */
public class SessionPairs {

  /** A bound on a session's state: a bot viewing thousands of products makes ~2 pairs a view. */
  public static final int MAX_PAIRS = 4096;

  public List<PairSum> pairs = new ArrayList<>();

  public SessionPairs() {}

  /** Adds what an increment added (only one of its two directions is kept). */
  void add(PairIncrement increment) {
    if (increment.productId().compareTo(increment.neighbourId()) >= 0) {
      return;
    }
    for (PairSum pair : pairs) {
      if (pair.productId.equals(increment.productId())
          && pair.neighbourId.equals(increment.neighbourId())) {
        pair.sum += increment.delta();
        return;
      }
    }
    if (pairs.size() < MAX_PAIRS) {
      pairs.add(new PairSum(increment.productId(), increment.neighbourId(), increment.delta()));
    }
  }

  /** The increments that take the session's contribution back, in both directions. */
  List<PairIncrement> retractions() {
    List<PairIncrement> out = new ArrayList<>(pairs.size() * 2);
    for (PairSum pair : pairs) {
      out.add(new PairIncrement(pair.productId, pair.neighbourId, -pair.sum));
      out.add(new PairIncrement(pair.neighbourId, pair.productId, -pair.sum));
    }
    return out;
  }

  /** One pair's sum in this session. */
  public static class PairSum {
    public String productId;
    public String neighbourId;
    public double sum;

    public PairSum() {}

    PairSum(String productId, String neighbourId, double sum) {
      this.productId = productId;
      this.neighbourId = neighbourId;
      this.sum = sum;
    }
  }
}
