package com.shopverse.recommendation.model;

import static com.shopverse.events.InteractionType.ADDED_TO_CART;
import static com.shopverse.events.InteractionType.PRODUCT_VIEWED;
import static com.shopverse.events.InteractionType.PURCHASED;
import static com.shopverse.events.InteractionType.REMOVED_FROM_CART;
import static com.shopverse.recommendation.model.Settings.DAY;
import static com.shopverse.recommendation.model.Settings.MINUTE;
import static com.shopverse.recommendation.model.Settings.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ShopperItemTest {

  private final ModelSettings settings = Settings.standard();

  @Test
  void aRemovalIsRememberedUntilTheProductIsAddedAgain() {
    ShopperItem item = new ShopperItem("A");
    item.add(ADDED_TO_CART, "C1", T0, settings);
    item.add(REMOVED_FROM_CART, "C1", T0 + MINUTE, settings);
    assertThat(item.removedMs).isEqualTo(T0 + MINUTE);

    item.add(ADDED_TO_CART, "C1", T0 + 2 * MINUTE, settings);

    assertThat(item.removedMs).isZero();
    assertThat(item.lastType).isEqualTo("ADDED_TO_CART");
  }

  @Test
  void aLateCartAddOlderThanTheRemovalDoesNotUndoIt() {
    ShopperItem item = new ShopperItem("A");
    item.add(REMOVED_FROM_CART, "C1", T0 + 2 * MINUTE, settings);

    item.add(ADDED_TO_CART, "C1", T0 + MINUTE, settings);

    assertThat(item.removedMs).isEqualTo(T0 + 2 * MINUTE);
    assertThat(item.lastType).isEqualTo("REMOVED_FROM_CART");
  }

  @Test
  void onlyAPurchaseMarksTheItemBought() {
    ShopperItem item = new ShopperItem("A");
    item.add(PRODUCT_VIEWED, "C1", T0, settings);
    item.add(ADDED_TO_CART, "C1", T0 + MINUTE, settings);
    assertThat(item.purchased).isFalse();

    item.add(PURCHASED, "C1", T0 + 2 * MINUTE, settings);

    assertThat(item.purchased).isTrue();
    assertThat(item.categoryId).isEqualTo("C1");
  }

  @Test
  void scoresAreWeightedByTypeAndDecayedSoRecentInterestOutranksOld() {
    ShopperItem old = new ShopperItem("OLD");
    old.add(PRODUCT_VIEWED, "C1", T0, settings);
    old.add(PRODUCT_VIEWED, "C1", T0 + MINUTE, settings);
    old.add(PRODUCT_VIEWED, "C1", T0 + 2 * MINUTE, settings);
    ShopperItem recent = new ShopperItem("RECENT");
    recent.add(PRODUCT_VIEWED, "C1", T0 + 21 * DAY, settings);

    long now = T0 + 21 * DAY;
    // Three views three half-lives ago are worth 3/8 of a view now.
    assertThat(settings.valueAt(old.score, now)).isCloseTo(3.0 / 8, within(1e-3));
    assertThat(settings.valueAt(recent.score, now)).isCloseTo(1.0, within(1e-9));
    assertThat(recent.score).isGreaterThan(old.score);
  }

  @Test
  void aCartAddWeighsMoreThanAView() {
    ShopperItem viewed = new ShopperItem("V");
    viewed.add(PRODUCT_VIEWED, "C1", T0, settings);
    ShopperItem carted = new ShopperItem("C");
    carted.add(ADDED_TO_CART, "C1", T0, settings);

    assertThat(carted.score).isEqualTo(4 * viewed.score);
  }
}
