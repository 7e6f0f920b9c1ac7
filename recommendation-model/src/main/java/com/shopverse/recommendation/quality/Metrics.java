package com.shopverse.recommendation.quality;

import com.shopverse.recommendation.model.Catalog;
import com.shopverse.recommendation.model.ProductFacts;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Accumulates the quality of one recommender's lists against the products shoppers went to.
 *
 * <ul>
 *   <li>HitRate@k: share of lists whose first k contain the target;
 *   <li>MRR@k: mean of 1/rank of the target in the first k (0 when absent);
 *   <li>coverage: distinct products recommended in all lists / catalog size;
 *   <li>diversity: mean number of distinct categories in a list (of up to k products).
 * </ul>
 */
final class Metrics {

  private final int k;
  private long lists;
  private long hits;
  private double reciprocalRanks;
  private long categories;
  private long products;
  private final Set<String> recommended = new HashSet<>();

  Metrics(int k) {
    this.k = k;
  }

  /** 1-based rank of {@code target} in the first {@code k} of {@code list}; 0 when absent. */
  static int rank(List<String> list, String target, int k) {
    for (int i = 0; i < Math.min(k, list.size()); i++) {
      if (list.get(i).equals(target)) {
        return i + 1;
      }
    }
    return 0;
  }

  void add(List<String> list, String target, Catalog catalog) {
    List<String> top = list.subList(0, Math.min(k, list.size()));
    lists++;
    int rank = rank(top, target, k);
    if (rank > 0) {
      hits++;
      reciprocalRanks += 1.0 / rank;
    }
    Set<String> inList = new HashSet<>();
    for (String productId : top) {
      ProductFacts facts = catalog.find(productId);
      inList.add(facts == null ? "" : facts.categoryId());
    }
    categories += inList.size();
    products += top.size();
    recommended.addAll(top);
  }

  long lists() {
    return lists;
  }

  double hitRate() {
    return lists == 0 ? 0 : (double) hits / lists;
  }

  double mrr() {
    return lists == 0 ? 0 : reciprocalRanks / lists;
  }

  double coverage(int catalogSize) {
    return catalogSize == 0 ? 0 : (double) recommended.size() / catalogSize;
  }

  double diversity() {
    return lists == 0 ? 0 : (double) categories / lists;
  }

  double meanLength() {
    return lists == 0 ? 0 : (double) products / lists;
  }
}
