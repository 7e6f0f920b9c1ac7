package com.shopverse.recommendation.index;

import com.shopverse.recommendation.data.ModelData.ShopperRow;
import com.shopverse.recommendation.model.ShopperItem;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One shopper's items, immutable: a change makes a new history, so a request ranking from the old
 * one never sees half an update.
 *
 * @param rows the newest version of each product's row
 * @param recentFirst the items, most recent first (ties by product id)
 */
record ShopperHistory(Map<String, ShopperRow> rows, List<ShopperItem> recentFirst) {

  private static final Comparator<ShopperItem> RECENT_FIRST =
      Comparator.comparingLong((ShopperItem item) -> item.lastMs)
          .reversed()
          .thenComparing(item -> item.productId);

  /** {@code before} (null for a new shopper) with the changed rows; older versions are ignored. */
  static ShopperHistory with(ShopperHistory before, List<ShopperRow> changed) {
    Map<String, ShopperRow> rows = before == null ? new HashMap<>() : new HashMap<>(before.rows);
    for (ShopperRow row : changed) {
      rows.merge(
          row.item().productId, row, (old, now) -> now.version() > old.version() ? now : old);
    }
    List<ShopperItem> items =
        rows.values().stream().map(ShopperRow::item).sorted(RECENT_FIRST).toList();
    return new ShopperHistory(Map.copyOf(rows), items);
  }

  /** Event time of the shopper's newest interaction. */
  long newestMs() {
    return recentFirst.isEmpty() ? 0 : recentFirst.get(0).lastMs;
  }
}
