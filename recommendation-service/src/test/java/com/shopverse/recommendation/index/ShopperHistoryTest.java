package com.shopverse.recommendation.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopverse.recommendation.data.ModelData.ShopperRow;
import com.shopverse.recommendation.model.ShopperItem;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShopperHistoryTest {

  @Test
  void listsItemsMostRecentFirstWithTiesByProduct() {
    ShopperHistory history =
        ShopperHistory.with(null, List.of(row("B", 100, 1), row("C", 300, 2), row("A", 100, 3)));

    assertThat(history.recentFirst())
        .extracting(item -> item.productId)
        .containsExactly("C", "A", "B");
    assertThat(history.newestMs()).isEqualTo(300);
  }

  @Test
  void theNewestVersionOfAProductWinsAndAnOlderOneReadAgainChangesNothing() {
    ShopperHistory history = ShopperHistory.with(null, List.of(row("A", 100, 5)));

    ShopperHistory newer = ShopperHistory.with(history, List.of(row("A", 200, 6)));
    ShopperHistory reread = ShopperHistory.with(newer, List.of(row("A", 100, 5)));

    assertThat(newer.recentFirst()).extracting(item -> item.lastMs).containsExactly(200L);
    assertThat(reread.recentFirst()).extracting(item -> item.lastMs).containsExactly(200L);
    assertThat(history.recentFirst()).extracting(item -> item.lastMs).containsExactly(100L);
  }

  private static ShopperRow row(String product, long lastMs, long version) {
    ShopperItem item = new ShopperItem(product);
    item.lastMs = lastMs;
    return new ShopperRow("u:s", item, version);
  }
}
