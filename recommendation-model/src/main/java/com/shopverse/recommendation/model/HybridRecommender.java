package com.shopverse.recommendation.model;

import com.shopverse.events.InteractionType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Ranks products for a shopper from three signals, each normalised to [0, 1] and weighted by {@link
 * ModelSettings}:
 *
 * <ol>
 *   <li>co-visitation: the neighbours of the shopper's most recent products, each neighbour scored
 *       by (the shopper's interest in the product) x (its co-visitation relative to that product's
 *       strongest neighbour);
 *   <li>history: the shopper's own products not yet bought, by interest (the seed's weighted score,
 *       made recency-aware);
 *   <li>popularity: trending products, boosted by the shopper's affinity to their category (the sum
 *       of interest per category, relative to the top category), for cold start and to fill the
 *       list.
 * </ol>
 *
 * Then filters (active and in stock, not bought unless re-buyable, not just removed from the cart,
 * no duplicates) and a cap per category for diversity. Each item says which signal put it there.
 *
 * <p>The shopper's interest in each of their {@code historyItems} most recent products is its
 * decayed weighted score relative to the highest one, divided by (1 + k)^2 for the k-th most recent
 * (k = 0 for the last product touched).
 */
public final class HybridRecommender {

  /**
   * The k-th most recent product (k = 0, 1, ...) counts 1/(1 + k)^2 of its decayed interest: the
   * half-life works in days, but what a shopper looks at next depends most on the last product.
   * Chosen on the validation split (docs/recommendations.md): with the default settings, exponents
   * 0, 1 and 2 give a next-item HitRate@10 of 0.31, 0.35 and 0.37.
   */
  private static final double RECENCY_EXPONENT = 2;

  private static final Comparator<ShopperItem> RECENT_FIRST =
      Comparator.comparingLong((ShopperItem item) -> item.lastMs)
          .reversed()
          .thenComparing(item -> item.productId);

  private static final Comparator<Candidate> BEST_FIRST =
      Comparator.comparingDouble((Candidate c) -> c.score)
          .reversed()
          .thenComparing(c -> c.productId);

  private final ModelSettings settings;

  public HybridRecommender(ModelSettings settings) {
    this.settings = settings;
  }

  public ModelSettings settings() {
    return settings;
  }

  /** The products whose neighbours a personalised list needs: the shopper's most recent ones. */
  public List<ShopperItem> recent(List<ShopperItem> history) {
    int keep = Math.min(history.size(), settings.historyItems());
    if (recentFirst(history)) {
      // The serving index keeps histories in this order: no copy, no sort on the request path.
      return Collections.unmodifiableList(history.subList(0, keep));
    }
    return history.stream().sorted(RECENT_FIRST).limit(keep).toList();
  }

  private static boolean recentFirst(List<ShopperItem> history) {
    for (int i = 1; i < history.size(); i++) {
      if (RECENT_FIRST.compare(history.get(i - 1), history.get(i)) > 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * A personalised list.
   *
   * @param history what the shopper did (any order; only the most recent {@code historyItems}
   *     count); empty for a shopper never seen (then the list is trending by category affinity)
   * @param neighbours co-visited neighbours by product, strongest first
   * @param popular trending products, most popular first
   */
  public List<Scored> personalised(
      List<ShopperItem> history,
      Map<String, List<Neighbour>> neighbours,
      List<Popular> popular,
      Catalog catalog,
      long nowMs,
      int limit) {
    List<ShopperItem> recent = recent(history);
    // Sized for every popular product and every seed's neighbours: no rehash while ranking.
    Map<String, Candidate> candidates =
        new HashMap<>(
            capacity(popular.size() + recent.size() * (1 + settings.neighboursPerItem())));
    Map<String, ShopperItem> excluded = new HashMap<>();
    for (ShopperItem item : history) {
      if (blocked(item, nowMs)) {
        excluded.put(item.productId, item);
      }
    }
    double topInterest =
        recent.stream().mapToDouble(item -> settings.valueAt(item.score, nowMs)).max().orElse(0);
    Map<String, Double> affinity = new HashMap<>();
    for (int rank = 0; rank < recent.size(); rank++) {
      ShopperItem item = recent.get(rank);
      double decayed = topInterest > 0 ? settings.valueAt(item.score, nowMs) / topInterest : 0;
      double interest = decayed / Math.pow(1 + rank, RECENCY_EXPONENT);
      affinity.merge(category(item.productId, item.categoryId, catalog), interest, Double::sum);
      if (!item.purchased) {
        offer(candidates, item.productId, settings.ownItemWeight() * interest, history(item));
      }
      List<Neighbour> around = neighbours.getOrDefault(item.productId, List.of());
      double strongest = around.isEmpty() ? 0 : around.get(0).score();
      Reason because = coVisitation(item); // one per seed, not per neighbour: this is the hot loop
      for (Neighbour neighbour :
          around.subList(0, Math.min(around.size(), settings.neighboursPerItem()))) {
        double relative = strongest > 0 ? neighbour.score() / strongest : 0;
        offer(
            candidates,
            neighbour.productId(),
            settings.neighbourWeight() * interest * relative,
            because);
      }
    }
    normalise(affinity);
    addPopular(candidates, popular, affinity, catalog);
    excluded.keySet().forEach(candidates::remove);
    return rank(candidates, catalog, limit);
  }

  /** Products co-visited with {@code productId}, filled up with what is popular in its category. */
  public List<Scored> similar(
      String productId,
      List<Neighbour> neighbours,
      List<Popular> popular,
      Catalog catalog,
      int limit) {
    Map<String, Candidate> candidates = new HashMap<>(capacity(popular.size() + neighbours.size()));
    double strongest = neighbours.isEmpty() ? 0 : neighbours.get(0).score();
    Reason because =
        new Reason("co_visitation", "shoppers who looked at " + productId + " also looked at this");
    for (Neighbour neighbour : neighbours) {
      double relative = strongest > 0 ? neighbour.score() / strongest : 0;
      offer(candidates, neighbour.productId(), settings.neighbourWeight() * relative, because);
    }
    ProductFacts self = catalog.find(productId);
    Map<String, Double> affinity = new HashMap<>();
    if (self != null) {
      affinity.put(self.categoryId(), 1.0);
    }
    addPopular(candidates, popular, affinity, catalog);
    candidates.remove(productId);
    return rank(candidates, catalog, limit);
  }

  private boolean blocked(ShopperItem item, long nowMs) {
    boolean bought = item.purchased && !settings.rebuyable();
    boolean removed =
        item.removedMs > 0 && nowMs - item.removedMs < settings.removedCooldown().toMillis();
    return bought || removed;
  }

  private void addPopular(
      Map<String, Candidate> candidates,
      List<Popular> popular,
      Map<String, Double> affinity,
      Catalog catalog) {
    double top = popular.isEmpty() ? 0 : popular.get(0).score();
    for (Popular item : popular) {
      if (top <= 0) {
        break;
      }
      String category = category(item.productId(), "", catalog);
      Double liked = affinity.get(category); // not getOrDefault(.., 0.0): that boxes per item
      double liking = liked == null ? 0 : liked;
      double base = settings.trendingWeight() * item.score() / top;
      // The text is built only for the items picked: most candidates are dropped.
      Reason reason =
          liking > 0
              ? new Reason("category_affinity", () -> "popular in " + category + ", which you like")
              : TRENDING;
      offer(
          candidates,
          item.productId(),
          base * (1 + settings.categoryAffinityWeight() * liking),
          reason);
    }
  }

  private static void normalise(Map<String, Double> affinity) {
    double max = affinity.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    if (max > 0) {
      affinity.replaceAll((category, value) -> value / max);
    }
  }

  private static int capacity(int entries) {
    return (int) (entries / 0.75f) + 1;
  }

  private static String category(String productId, String fallback, Catalog catalog) {
    ProductFacts facts = catalog.find(productId);
    return facts != null ? facts.categoryId() : fallback;
  }

  private static void offer(
      Map<String, Candidate> candidates, String productId, double score, Reason reason) {
    if (score <= 0) {
      return;
    }
    candidates.computeIfAbsent(productId, Candidate::new).add(score, reason);
  }

  private static Reason history(ShopperItem item) {
    return InteractionType.ADDED_TO_CART.name().equals(item.lastType) ? IN_CART : VIEWED_RECENTLY;
  }

  private static Reason coVisitation(ShopperItem item) {
    String verb =
        switch (item.lastType) {
          case "ADDED_TO_CART" -> "added ";
          case "PURCHASED" -> "bought ";
          default -> "viewed ";
        };
    return new Reason(
        "co_visitation",
        "because you " + verb + item.productId + (verb.equals("added ") ? " to your cart" : ""));
  }

  /** Filters, sorts and caps per category; relaxes the cap only to fill the list. */
  private List<Scored> rank(Map<String, Candidate> candidates, Catalog catalog, int limit) {
    List<Candidate> ordered = new ArrayList<>(candidates.size());
    for (Candidate candidate : candidates.values()) {
      ProductFacts facts = catalog.find(candidate.productId);
      if (facts != null && facts.recommendable()) {
        candidate.categoryId = facts.categoryId();
        ordered.add(candidate);
      }
    }
    ordered.sort(BEST_FIRST);
    Map<String, Scored> picked = new LinkedHashMap<>();
    Map<String, Integer> perCategory = new HashMap<>();
    for (Candidate candidate : ordered) {
      if (picked.size() == limit) {
        break;
      }
      int seen = perCategory.merge(candidate.categoryId, 1, Integer::sum);
      if (seen <= settings.maxPerCategory()) {
        picked.put(candidate.productId, candidate.toScored());
      }
    }
    for (Candidate candidate : ordered) {
      if (picked.size() == limit) {
        break;
      }
      picked.putIfAbsent(candidate.productId, candidate.toScored());
    }
    return List.copyOf(picked.values());
  }

  private static final Reason TRENDING = new Reason("trending", "trending now");
  private static final Reason IN_CART = new Reason("history", "in your cart");
  private static final Reason VIEWED_RECENTLY = new Reason("history", "you viewed recently");

  /** Why a candidate is there; the text is made when (and only if) the candidate is served. */
  private record Reason(String code, Supplier<String> text) {
    Reason(String code, String text) {
      this(code, () -> text);
    }
  }

  /** A candidate's total score, and the signal that gave it the most. */
  private static final class Candidate {
    final String productId;
    String categoryId;
    double score;
    double bestPart;
    Reason reason;

    Candidate(String productId) {
      this.productId = productId;
    }

    void add(double part, Reason why) {
      score += part;
      if (part > bestPart) {
        bestPart = part;
        reason = why;
      }
    }

    Scored toScored() {
      return new Scored(productId, score, reason.text().get(), reason.code());
    }
  }
}
