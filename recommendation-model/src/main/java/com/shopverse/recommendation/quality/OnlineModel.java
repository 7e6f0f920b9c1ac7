package com.shopverse.recommendation.quality;

import com.shopverse.events.InteractionType;
import com.shopverse.recommendation.model.Catalog;
import com.shopverse.recommendation.model.ModelSettings;
import com.shopverse.recommendation.model.Neighbour;
import com.shopverse.recommendation.model.PairIncrement;
import com.shopverse.recommendation.model.Popular;
import com.shopverse.recommendation.model.ProductFacts;
import com.shopverse.recommendation.model.Session;
import com.shopverse.recommendation.model.ShopperItem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the Flink job keeps, rebuilt in memory by feeding interactions in time order through the
 * model's own code: a {@link Session} per shopper whose {@link PairIncrement}s are summed per
 * (product, neighbour), a {@link ShopperItem} per (shopper, product), and forward-decayed
 * popularity. Read as the service would read it: the top {@code neighboursPerItem} neighbours of a
 * product, the top {@value #POPULAR_LIMIT} popular products (refreshed at most once a minute of
 * event time, like a serving cache).
 *
 * <p>It also keeps the seed's profile: the same {@link ShopperItem} code with the seed's weights
 * (view or click +1, cart +3, order +5).
 */
final class OnlineModel {

  static final int POPULAR_LIMIT = 200;
  static final long POPULAR_REFRESH_MS = 60_000;
  static final Duration SEED_HALF_LIFE = Duration.ofDays(7);

  private static final Comparator<Neighbour> STRONGEST_FIRST =
      Comparator.comparingDouble(Neighbour::score).reversed().thenComparing(Neighbour::productId);

  private final ModelSettings settings;
  private final ModelSettings seedSettings;
  private final int neighboursKept;
  private final Map<String, ProductFacts> catalog;
  private final Map<String, Session> sessions = new HashMap<>();
  private final Map<String, Map<String, ShopperItem>> profiles = new HashMap<>();
  private final Map<String, Map<String, ShopperItem>> seedProfiles = new HashMap<>();
  private final Map<String, Map<String, Double>> pairs = new HashMap<>();
  private final Map<String, List<Neighbour>> neighbours = new HashMap<>();
  private final Set<String> changedPairs = new HashSet<>();
  private final Map<String, Double> popularity = new HashMap<>();
  private List<Popular> popular = List.of();
  private long popularAtMs = Long.MIN_VALUE;
  private boolean popularityChanged;

  /**
   * @param neighboursKept how many neighbours per product to keep (at least the {@code
   *     neighboursPerItem} of any recommender reading this model)
   */
  OnlineModel(ModelSettings settings, Map<String, ProductFacts> catalog, int neighboursKept) {
    this.settings = settings;
    this.seedSettings = seedSettings(settings);
    this.catalog = catalog;
    this.neighboursKept = neighboursKept;
  }

  /**
   * The seed's weights; "recent ones weighted higher" with a fixed half-life of {@link
   * #SEED_HALF_LIFE}, so tuning the model's half-life does not move the baseline.
   */
  static ModelSettings seedSettings(ModelSettings settings) {
    Map<InteractionType, Double> weights = new EnumMap<>(InteractionType.class);
    weights.put(InteractionType.PRODUCT_VIEWED, 1.0);
    weights.put(InteractionType.PRODUCT_CLICKED, 1.0);
    weights.put(InteractionType.ADDED_TO_CART, 3.0);
    weights.put(InteractionType.PURCHASED, 5.0);
    return new ModelSettings(
        weights,
        settings.sessionGap(),
        settings.sessionItems(),
        SEED_HALF_LIFE,
        settings.decayEpoch(),
        settings.historyItems(),
        settings.neighboursPerItem(),
        settings.ownItemWeight(),
        settings.neighbourWeight(),
        settings.trendingWeight(),
        settings.categoryAffinityWeight(),
        settings.maxPerCategory(),
        settings.removedCooldown(),
        settings.rebuyable());
  }

  /** Feeds one interaction through the model, as the Flink job would. */
  void apply(Interaction event) {
    Session session = sessions.computeIfAbsent(event.shopperId(), id -> new Session());
    for (PairIncrement increment :
        session.add(event.productId(), event.type(), event.occurredMs(), settings)) {
      pairs
          .computeIfAbsent(increment.productId(), id -> new HashMap<>())
          .merge(increment.neighbourId(), increment.delta(), Double::sum);
      changedPairs.add(increment.productId());
    }
    if (!event.hasProduct()) {
      return;
    }
    addTo(profiles, event, settings);
    addTo(seedProfiles, event, seedSettings);
    double weight = settings.weight(event.type());
    if (weight > 0) {
      popularity.merge(event.productId(), weight * settings.boost(event.occurredMs()), Double::sum);
      popularityChanged = true;
    }
  }

  private static void addTo(
      Map<String, Map<String, ShopperItem>> profiles, Interaction event, ModelSettings settings) {
    Map<String, ShopperItem> profile =
        profiles.computeIfAbsent(event.shopperId(), id -> new HashMap<>());
    ShopperItem item = profile.get(event.productId());
    if (item == null) {
      item = new ShopperItem(event.productId());
    }
    if (item.add(event.type(), event.categoryId(), event.occurredMs(), settings)) {
      profile.put(event.productId(), item);
    }
  }

  /** The shopper's items (the model's profile), any order; empty for a shopper never seen. */
  List<ShopperItem> history(String shopperId) {
    return new ArrayList<>(profiles.getOrDefault(shopperId, Map.of()).values());
  }

  /** The shopper's items scored with the seed's weights. */
  List<ShopperItem> seedHistory(String shopperId) {
    return new ArrayList<>(seedProfiles.getOrDefault(shopperId, Map.of()).values());
  }

  /** Whether the shopper has interacted with the product before. */
  boolean knows(String shopperId, String productId) {
    return profiles.getOrDefault(shopperId, Map.of()).containsKey(productId);
  }

  /** The product's strongest co-visited neighbours, strongest first. */
  List<Neighbour> neighbours(String productId) {
    if (changedPairs.remove(productId) || !neighbours.containsKey(productId)) {
      List<Neighbour> all = new ArrayList<>();
      pairs
          .getOrDefault(productId, Map.of())
          .forEach((neighbour, score) -> all.add(new Neighbour(neighbour, score)));
      all.sort(STRONGEST_FIRST);
      neighbours.put(productId, List.copyOf(all.subList(0, Math.min(all.size(), neighboursKept))));
    }
    return neighbours.get(productId);
  }

  /** The most popular products at {@code nowMs}, most popular first. */
  List<Popular> popular(long nowMs) {
    if (popularityChanged && (popular.isEmpty() || nowMs - popularAtMs >= POPULAR_REFRESH_MS)) {
      popular =
          popularity.entrySet().stream()
              .map(e -> new Popular(e.getKey(), e.getValue()))
              .sorted(
                  Comparator.comparingDouble(Popular::score)
                      .reversed()
                      .thenComparing(Popular::productId))
              .limit(POPULAR_LIMIT)
              .toList();
      popularAtMs = nowMs;
      popularityChanged = false;
    }
    return popular;
  }

  Catalog catalog() {
    return catalog::get;
  }

  int catalogSize() {
    return catalog.size();
  }

  ModelSettings settings() {
    return settings;
  }
}
