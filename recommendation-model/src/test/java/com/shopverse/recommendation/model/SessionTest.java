package com.shopverse.recommendation.model;

import static com.shopverse.events.InteractionType.ADDED_TO_CART;
import static com.shopverse.events.InteractionType.PRODUCT_VIEWED;
import static com.shopverse.events.InteractionType.SEARCHED;
import static com.shopverse.recommendation.model.Settings.MINUTE;
import static com.shopverse.recommendation.model.Settings.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionTest {

  private final ModelSettings settings = Settings.standard();

  @Test
  void pairsProductsOfOneSessionInBothDirections() {
    Session session = new Session();
    session.add("A", PRODUCT_VIEWED, T0, settings);

    List<PairIncrement> increments = session.add("B", PRODUCT_VIEWED, T0 + MINUTE, settings);

    double delta = 1.0 * 1.0 * settings.boost(T0 + MINUTE);
    assertThat(increments)
        .containsExactlyInAnyOrder(
            new PairIncrement("B", "A", delta), new PairIncrement("A", "B", delta));
  }

  @Test
  void aGapLongerThanTheSessionGapStartsANewSession() {
    Session session = new Session();
    session.add("A", PRODUCT_VIEWED, T0, settings);
    session.add("B", PRODUCT_VIEWED, T0 + MINUTE, settings);
    long later = T0 + MINUTE + settings.sessionGap().toMillis() + 1;

    List<PairIncrement> increments =
        new ArrayList<>(session.add("C", PRODUCT_VIEWED, later, settings));
    increments.addAll(session.add("D", PRODUCT_VIEWED, later + MINUTE, settings));

    assertThat(increments)
        .extracting(PairIncrement::productId, PairIncrement::neighbourId)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("C", "D"),
            org.assertj.core.groups.Tuple.tuple("D", "C"));
  }

  @Test
  void aGapJustWithinTheSessionGapKeepsTheSession() {
    Session session = new Session();
    session.add("A", PRODUCT_VIEWED, T0, settings);

    List<PairIncrement> increments =
        session.add("B", PRODUCT_VIEWED, T0 + settings.sessionGap().toMillis(), settings);

    assertThat(increments).hasSize(2);
  }

  @Test
  void aStrongerTypeRaisesThePairByTheDifferenceOnly() {
    Session session = new Session();
    session.add("A", PRODUCT_VIEWED, T0, settings);
    List<PairIncrement> viewed = session.add("B", PRODUCT_VIEWED, T0 + MINUTE, settings);

    List<PairIncrement> carted = session.add("B", ADDED_TO_CART, T0 + 2 * MINUTE, settings);

    double cartDelta = (4.0 - 1.0) * 1.0 * settings.boost(T0 + 2 * MINUTE);
    assertThat(carted)
        .containsExactlyInAnyOrder(
            new PairIncrement("B", "A", cartDelta), new PairIncrement("A", "B", cartDelta));
    // Scaled back to one instant, the pair holds weight(cart) x weight(view), not view + cart.
    double total =
        viewed.get(0).delta() / settings.boost(T0 + MINUTE)
            + carted.get(0).delta() / settings.boost(T0 + 2 * MINUTE);
    assertThat(total).isCloseTo(4.0 * 1.0, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void repeatedViewsAndWeakerTypesAddNothing() {
    Session session = new Session();
    session.add("A", PRODUCT_VIEWED, T0, settings);
    session.add("B", ADDED_TO_CART, T0 + MINUTE, settings);

    assertThat(session.add("A", PRODUCT_VIEWED, T0 + 2 * MINUTE, settings)).isEmpty();
    assertThat(session.add("B", PRODUCT_VIEWED, T0 + 3 * MINUTE, settings)).isEmpty();
    assertThat(session.add("B", ADDED_TO_CART, T0 + 4 * MINUTE, settings)).isEmpty();
  }

  @Test
  void searchesPairWithNothingButKeepTheSessionAlive() {
    Session session = new Session();
    session.add("A", PRODUCT_VIEWED, T0, settings);
    long gap = settings.sessionGap().toMillis();

    assertThat(session.add(null, SEARCHED, T0 + gap - MINUTE, settings)).isEmpty();
    assertThat(session.add("B", PRODUCT_VIEWED, T0 + 2 * gap - 2 * MINUTE, settings))
        .extracting(PairIncrement::neighbourId)
        .contains("A");
  }
}
