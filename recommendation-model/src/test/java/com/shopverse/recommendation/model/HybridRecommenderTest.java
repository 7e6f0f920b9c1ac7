package com.shopverse.recommendation.model;

import static com.shopverse.events.InteractionType.ADDED_TO_CART;
import static com.shopverse.events.InteractionType.PRODUCT_VIEWED;
import static com.shopverse.events.InteractionType.PURCHASED;
import static com.shopverse.events.InteractionType.REMOVED_FROM_CART;
import static com.shopverse.recommendation.model.Settings.DAY;
import static com.shopverse.recommendation.model.Settings.MINUTE;
import static com.shopverse.recommendation.model.Settings.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.shopverse.events.InteractionType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HybridRecommenderTest {

  private static final long NOW = T0 + 10 * MINUTE;

  private final Map<String, ProductFacts> products = new HashMap<>();
  private final Catalog catalog = products::get;
  private final Map<String, ShopperItem> history = new HashMap<>();
  private final Map<String, List<Neighbour>> neighbours = new HashMap<>();
  private final List<Popular> popular = new ArrayList<>();

  @Test
  void neverReturnsProductsOutOfStockOrInactive() {
    product("A", "shoes");
    product("GONE", "shoes", true, false);
    product("HIDDEN", "shoes", false, true);
    product("OK", "shoes");
    did("A", PRODUCT_VIEWED, NOW - MINUTE);
    neighbours.put("A", List.of(new Neighbour("GONE", 9), new Neighbour("HIDDEN", 8)));
    popular.addAll(List.of(new Popular("GONE", 5), new Popular("HIDDEN", 4), new Popular("OK", 1)));

    List<Scored> list = personalised(Settings.standard(), 10);

    assertThat(list).extracting(Scored::productId).doesNotContain("GONE", "HIDDEN").contains("OK");
  }

  @Test
  void leavesOutWhatTheShopperBoughtOrJustTookOutOfTheCart() {
    product("A", "shoes");
    product("BOUGHT", "shoes");
    product("REMOVED", "shoes");
    product("OTHER", "shoes");
    did("A", PRODUCT_VIEWED, NOW - 3 * MINUTE);
    did("BOUGHT", PURCHASED, NOW - 2 * MINUTE);
    did("REMOVED", ADDED_TO_CART, NOW - 2 * MINUTE);
    did("REMOVED", REMOVED_FROM_CART, NOW - MINUTE);
    neighbours.put(
        "A",
        List.of(
            new Neighbour("BOUGHT", 3), new Neighbour("REMOVED", 2), new Neighbour("OTHER", 1)));

    List<Scored> list = personalised(Settings.standard(), 10);

    assertThat(list).extracting(Scored::productId).containsExactlyInAnyOrder("OTHER", "A");
  }

  @Test
  void aRemovedProductMayComeBackAfterTheCooldown() {
    product("REMOVED", "shoes");
    did("REMOVED", ADDED_TO_CART, T0);
    did("REMOVED", REMOVED_FROM_CART, T0 + MINUTE);
    ModelSettings settings = Settings.standard();
    long afterCooldown = T0 + MINUTE + settings.removedCooldown().toMillis() + 1;

    List<Scored> list =
        new HybridRecommender(settings)
            .personalised(items(), neighbours, popular, catalog, afterCooldown, 10);

    assertThat(list).extracting(Scored::productId).containsExactly("REMOVED");
  }

  @Test
  void capsProductsPerCategoryWhenThereAreOthersToShow() {
    product("A", "shoes");
    did("A", PURCHASED, NOW - MINUTE);
    List<Neighbour> around = new ArrayList<>();
    for (int i = 1; i <= 6; i++) {
      product("S" + i, "shoes");
      around.add(new Neighbour("S" + i, 100 - i));
    }
    product("H1", "hats");
    product("H2", "hats");
    around.add(new Neighbour("H1", 2));
    around.add(new Neighbour("H2", 1));
    neighbours.put("A", around);

    List<Scored> list = personalised(Settings.withCap(2), 4);

    assertThat(list).extracting(Scored::productId).containsExactly("S1", "S2", "H1", "H2");
  }

  @Test
  void relaxesTheCapOnlyToFillTheList() {
    product("A", "shoes");
    did("A", PURCHASED, NOW - MINUTE);
    List<Neighbour> around = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      product("S" + i, "shoes");
      around.add(new Neighbour("S" + i, 100 - i));
    }
    product("H1", "hats");
    around.add(new Neighbour("H1", 1));
    neighbours.put("A", around);

    List<Scored> list = personalised(Settings.withCap(2), 5);

    assertThat(list).extracting(Scored::productId).containsExactly("S1", "S2", "H1", "S3", "S4");
  }

  @Test
  void saysWhyEachProductIsThere() {
    product("CARTED", "shoes");
    product("NEIGHBOUR", "socks");
    product("LIKED", "shoes");
    product("HOT", "garden");
    did("CARTED", ADDED_TO_CART, NOW - MINUTE);
    neighbours.put("CARTED", List.of(new Neighbour("NEIGHBOUR", 5)));
    popular.addAll(List.of(new Popular("HOT", 10), new Popular("LIKED", 9)));

    Map<String, Scored> byProduct = new HashMap<>();
    personalised(Settings.standard(), 10).forEach(s -> byProduct.put(s.productId(), s));

    assertThat(byProduct.get("NEIGHBOUR").reasonCode()).isEqualTo("co_visitation");
    assertThat(byProduct.get("NEIGHBOUR").reason())
        .isEqualTo("because you added CARTED to your cart");
    assertThat(byProduct.get("CARTED").reasonCode()).isEqualTo("history");
    assertThat(byProduct.get("CARTED").reason()).isEqualTo("in your cart");
    assertThat(byProduct.get("LIKED").reasonCode()).isEqualTo("category_affinity");
    assertThat(byProduct.get("HOT").reasonCode()).isEqualTo("trending");
  }

  @Test
  void aShopperNeverSeenGetsWhatIsTrending() {
    product("T1", "shoes");
    product("T2", "hats");
    product("T3", "garden");
    popular.addAll(List.of(new Popular("T1", 30), new Popular("T2", 20), new Popular("T3", 10)));

    List<Scored> list = personalised(Settings.standard(), 10);

    assertThat(list).extracting(Scored::productId).containsExactly("T1", "T2", "T3");
    assertThat(list).extracting(Scored::reasonCode).containsOnly("trending");
  }

  @Test
  void recentInterestOutranksOldInterest() {
    product("OLD", "shoes");
    product("NEW", "hats");
    product("OLD_NEIGHBOUR", "shoes");
    product("NEW_NEIGHBOUR", "hats");
    did("OLD", ADDED_TO_CART, NOW - 20 * DAY);
    did("NEW", PRODUCT_VIEWED, NOW - MINUTE);
    neighbours.put("OLD", List.of(new Neighbour("OLD_NEIGHBOUR", 1)));
    neighbours.put("NEW", List.of(new Neighbour("NEW_NEIGHBOUR", 1)));

    List<String> list =
        personalised(Settings.standard(), 10).stream().map(Scored::productId).toList();

    assertThat(list.indexOf("NEW_NEIGHBOUR")).isLessThan(list.indexOf("OLD_NEIGHBOUR"));
  }

  @Test
  void similarToAnUnknownProductIsWhatIsPopular() {
    product("T1", "shoes");
    product("T2", "hats");
    popular.addAll(List.of(new Popular("T1", 2), new Popular("T2", 1)));

    List<Scored> list =
        new HybridRecommender(Settings.standard())
            .similar("NOT_IN_CATALOG", List.of(), popular, catalog, 10);

    assertThat(list).extracting(Scored::productId).containsExactly("T1", "T2");
    assertThat(list).extracting(Scored::reasonCode).containsOnly("trending");
  }

  @Test
  void similarListsCoVisitedProductsFirstAndNeverTheProductItself() {
    product("A", "shoes");
    product("B", "socks");
    product("T1", "garden");
    popular.addAll(List.of(new Popular("A", 50), new Popular("T1", 40)));

    List<Scored> list =
        new HybridRecommender(Settings.standard())
            .similar("A", List.of(new Neighbour("B", 3)), popular, catalog, 10);

    assertThat(list).extracting(Scored::productId).containsExactly("B", "T1");
    assertThat(list.get(0).reasonCode()).isEqualTo("co_visitation");
  }

  private List<Scored> personalised(ModelSettings settings, int limit) {
    return new HybridRecommender(settings)
        .personalised(items(), neighbours, popular, catalog, NOW, limit);
  }

  private List<ShopperItem> items() {
    return new ArrayList<>(history.values());
  }

  private void did(String productId, InteractionType type, long atMs) {
    history
        .computeIfAbsent(productId, ShopperItem::new)
        .add(type, products.get(productId).categoryId(), atMs, Settings.standard());
  }

  private void product(String productId, String categoryId) {
    product(productId, categoryId, true, true);
  }

  private void product(String productId, String categoryId, boolean active, boolean inStock) {
    products.put(productId, new ProductFacts(productId, categoryId, active, inStock));
  }
}
