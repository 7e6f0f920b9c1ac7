package com.shopverse.recommendation.quality;

import com.shopverse.events.InteractionType;
import com.shopverse.recommendation.model.ModelSettings;
import com.shopverse.recommendation.model.ProductFacts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Replays a dataset in time order and scores recommenders on held-out sessions.
 *
 * <ul>
 *   <li>Split: the cutoff is at {@code trainFraction} of the time range. Every event is fed through
 *       the model in time order ({@link OnlineModel}); sessions that start at or after the cutoff
 *       are the test sessions. Events before the cutoff are pure training; events after it keep
 *       updating the model (shopper profiles, co-visitation, popularity) once they have been
 *       predicted, as the live Flink job would.
 *   <li>Evaluation points: in a test session, every event at position k ≥ 1 that shows interest in
 *       a product (view, click, cart add, purchase; not a search or a removal) and whose product
 *       differs from the session's previous product event. A click or cart add on the product the
 *       shopper is already looking at is not a prediction of where they go next.
 *   <li>At each point every recommender ranks {@code limit} products for the shopper at the event's
 *       time, from what the model knows just before the event: all of the shopper's earlier
 *       interactions (training and earlier test events, this session's included).
 *   <li>Variants: "next item" counts every point; "next new item" only those whose product the
 *       shopper had never interacted with before.
 * </ul>
 */
public final class Evaluator {

  /**
   * @param trainFraction where the cutoff lies in the time range (0.8: the last 20 % is test)
   * @param limit list length and k of the metrics
   * @param maxPoints evaluation points to sample at most (uniformly, with {@code sampleSeed})
   */
  public record Options(double trainFraction, int limit, int maxPoints, long sampleSeed) {

    public static Options defaults() {
      return new Options(0.8, 10, 40_000, 7);
    }
  }

  /** What the recommendations are scored against. */
  public enum Variant {
    NEXT_ITEM("next item"),
    NEXT_NEW_ITEM("next new item");

    final String label;

    Variant(String label) {
      this.label = label;
    }
  }

  private Evaluator() {}

  /** Scores the recommenders on the test split of {@code data}. */
  static Evaluation evaluate(
      List<Interaction> data,
      ModelSettings settings,
      List<Recommender> recommenders,
      Options options,
      int neighboursKept) {
    long started = System.nanoTime();
    List<Interaction> events = new ArrayList<>(data);
    events.sort(Comparator.comparingLong(Interaction::occurredMs));
    if (events.isEmpty()) {
      throw new IllegalArgumentException("no interactions");
    }
    Map<String, ProductFacts> catalog = catalog(events);
    int[] sessionOf = sessions(events, settings);
    int sessionCount = 0;
    for (int s : sessionOf) {
      sessionCount = Math.max(sessionCount, s + 1);
    }
    long[] sessionStart = new long[sessionCount];
    Arrays.fill(sessionStart, Long.MAX_VALUE);
    for (int i = 0; i < events.size(); i++) {
      sessionStart[sessionOf[i]] = Math.min(sessionStart[sessionOf[i]], events.get(i).occurredMs());
    }
    long firstMs = events.get(0).occurredMs();
    long lastMs = events.get(events.size() - 1).occurredMs();
    long cutoffMs = firstMs + (long) (options.trainFraction() * (lastMs - firstMs));

    boolean[] eligible = new boolean[events.size()];
    int[] position = new int[sessionCount];
    String[] lastProduct = new String[sessionCount];
    int eligibleCount = 0;
    for (int i = 0; i < events.size(); i++) {
      Interaction e = events.get(i);
      int s = sessionOf[i];
      eligible[i] =
          sessionStart[s] >= cutoffMs
              && position[s] >= 1
              && isTarget(e.type())
              && !e.productId().equals(lastProduct[s]);
      eligibleCount += eligible[i] ? 1 : 0;
      position[s]++;
      if (e.hasProduct()) {
        lastProduct[s] = e.productId();
      }
    }

    double sampleRate = Math.min(1, options.maxPoints() / (double) Math.max(1, eligibleCount));
    Random sampler = new Random(options.sampleSeed());
    OnlineModel model = new OnlineModel(settings, catalog, neighboursKept);
    Map<Variant, Map<String, Metrics>> metrics = new EnumMap<>(Variant.class);
    for (Variant variant : Variant.values()) {
      Map<String, Metrics> byRecommender = new LinkedHashMap<>();
      recommenders.forEach(r -> byRecommender.put(r.name(), new Metrics(options.limit())));
      metrics.put(variant, byRecommender);
    }
    Map<Variant, Long> eligibleByVariant = new EnumMap<>(Variant.class);
    long trainEvents = 0;
    for (int i = 0; i < events.size(); i++) {
      Interaction e = events.get(i);
      trainEvents += e.occurredMs() < cutoffMs ? 1 : 0;
      if (eligible[i]) {
        boolean isNew = !model.knows(e.shopperId(), e.productId());
        eligibleByVariant.merge(Variant.NEXT_ITEM, 1L, Long::sum);
        if (isNew) {
          eligibleByVariant.merge(Variant.NEXT_NEW_ITEM, 1L, Long::sum);
        }
        if (sampler.nextDouble() < sampleRate) {
          for (Recommender recommender : recommenders) {
            List<String> list =
                recommender.recommend(model, e.shopperId(), e.occurredMs(), options.limit());
            metrics
                .get(Variant.NEXT_ITEM)
                .get(recommender.name())
                .add(list, e.productId(), model.catalog());
            if (isNew) {
              metrics
                  .get(Variant.NEXT_NEW_ITEM)
                  .get(recommender.name())
                  .add(list, e.productId(), model.catalog());
            }
          }
        }
      }
      model.apply(e);
    }
    int testSessions = 0;
    for (long start : sessionStart) {
      testSessions += start >= cutoffMs ? 1 : 0;
    }
    return new Evaluation(
        stats(events, sessionCount, catalog.size()),
        cutoffMs,
        trainEvents,
        testSessions,
        eligibleByVariant,
        sampleRate,
        catalog.size(),
        metrics,
        (System.nanoTime() - started) / 1_000_000);
  }

  /**
   * The validation split: only the events before the test cutoff, split again at {@code
   * validationFraction} of that range. Parameters are chosen here, never on the test split.
   */
  static List<Interaction> beforeTest(List<Interaction> data, double trainFraction) {
    long firstMs = data.stream().mapToLong(Interaction::occurredMs).min().orElse(0);
    long lastMs = data.stream().mapToLong(Interaction::occurredMs).max().orElse(0);
    long cutoffMs = firstMs + (long) (trainFraction * (lastMs - firstMs));
    return data.stream().filter(e -> e.occurredMs() < cutoffMs).toList();
  }

  static boolean isTarget(InteractionType type) {
    return type != InteractionType.SEARCHED && type != InteractionType.REMOVED_FROM_CART;
  }

  /** Every product in the data, active and in stock, in the category it was last seen in. */
  private static Map<String, ProductFacts> catalog(List<Interaction> events) {
    Map<String, ProductFacts> catalog = new HashMap<>();
    for (Interaction e : events) {
      if (e.hasProduct()) {
        ProductFacts known = catalog.get(e.productId());
        if (known == null || !e.categoryId().isEmpty()) {
          catalog.put(e.productId(), new ProductFacts(e.productId(), e.categoryId(), true, true));
        }
      }
    }
    return catalog;
  }

  /**
   * A session index per event (events in time order): the shopper's session id where there is one,
   * otherwise a new session after each gap longer than the model's session gap.
   */
  static int[] sessions(List<Interaction> events, ModelSettings settings) {
    int[] sessionOf = new int[events.size()];
    Map<String, Integer> byId = new HashMap<>();
    Map<String, long[]> open = new HashMap<>();
    long gap = settings.sessionGap().toMillis();
    for (int i = 0; i < events.size(); i++) {
      Interaction e = events.get(i);
      if (!e.sessionId().isEmpty()) {
        sessionOf[i] =
            byId.computeIfAbsent(e.shopperId() + "\n" + e.sessionId(), key -> byId.size());
      } else {
        long[] current = open.get(e.shopperId());
        if (current == null || e.occurredMs() - current[1] > gap) {
          current = new long[] {byId.size(), e.occurredMs()};
          byId.put(e.shopperId() + "\n#" + i, (int) current[0]);
          open.put(e.shopperId(), current);
        }
        current[1] = e.occurredMs();
        sessionOf[i] = (int) current[0];
      }
    }
    return sessionOf;
  }

  private static DatasetStats stats(List<Interaction> events, int sessions, int products) {
    Set<String> shoppers = new HashSet<>();
    Set<String> categories = new HashSet<>();
    Map<InteractionType, Long> byType = new EnumMap<>(InteractionType.class);
    for (Interaction e : events) {
      shoppers.add(e.shopperId());
      if (e.hasProduct() && !e.categoryId().isEmpty()) {
        categories.add(e.categoryId());
      }
      byType.merge(e.type(), 1L, Long::sum);
    }
    return new DatasetStats(
        events.size(),
        shoppers.size(),
        products,
        categories.size(),
        sessions,
        events.get(0).occurredMs(),
        events.get(events.size() - 1).occurredMs(),
        byType);
  }

  /** The shape of a dataset. */
  record DatasetStats(
      long events,
      int shoppers,
      int products,
      int categories,
      int sessions,
      long firstMs,
      long lastMs,
      Map<InteractionType, Long> byType) {}

  /** The outcome of one replay. */
  record Evaluation(
      DatasetStats stats,
      long cutoffMs,
      long trainEvents,
      int testSessions,
      Map<Variant, Long> eligible,
      double sampleRate,
      int catalogSize,
      Map<Variant, Map<String, Metrics>> metrics,
      long elapsedMs) {}
}
