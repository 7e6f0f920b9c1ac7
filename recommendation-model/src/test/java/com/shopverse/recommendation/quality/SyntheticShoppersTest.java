package com.shopverse.recommendation.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopverse.events.InteractionType;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SyntheticShoppersTest {

  private static SyntheticShoppers.Spec small(long seed) {
    return new SyntheticShoppers.Spec(seed, 400, 300, 8, Instant.parse("2026-03-02T00:00:00Z"), 20);
  }

  @Test
  void theSameSeedGivesTheSameData() {
    assertThat(SyntheticShoppers.generate(small(42)))
        .isEqualTo(SyntheticShoppers.generate(small(42)));
  }

  @Test
  void anotherSeedGivesOtherData() {
    assertThat(SyntheticShoppers.generate(small(43)))
        .isNotEqualTo(SyntheticShoppers.generate(small(42)));
  }

  @Test
  void interactionsAreInTimeOrderWithinThePeriod() {
    List<Interaction> data = SyntheticShoppers.generate(small(42));
    long start = Instant.parse("2026-03-02T00:00:00Z").toEpochMilli();

    assertThat(data).isSortedAccordingTo(Comparator.comparingLong(Interaction::occurredMs));
    assertThat(data.get(0).occurredMs()).isGreaterThanOrEqualTo(start);
    assertThat(data.get(data.size() - 1).occurredMs()).isLessThan(start + 21 * 86_400_000L);
  }

  @Test
  void sessionsAreFunnelsFromViewsToPurchases() {
    Map<InteractionType, Long> byType =
        SyntheticShoppers.generate(small(42)).stream()
            .collect(Collectors.groupingBy(Interaction::type, Collectors.counting()));

    assertThat(byType.keySet()).containsExactlyInAnyOrder(InteractionType.values());
    assertThat(byType.get(InteractionType.PRODUCT_VIEWED))
        .isGreaterThan(byType.get(InteractionType.PRODUCT_CLICKED));
    assertThat(byType.get(InteractionType.PRODUCT_CLICKED))
        .isGreaterThan(byType.get(InteractionType.ADDED_TO_CART));
    assertThat(byType.get(InteractionType.ADDED_TO_CART))
        .isGreaterThan(byType.get(InteractionType.PURCHASED));
  }

  @Test
  void popularityIsSkewed() {
    Collection<Long> views =
        SyntheticShoppers.generate(small(42)).stream()
            .filter(i -> i.type() == InteractionType.PRODUCT_VIEWED)
            .collect(Collectors.groupingBy(Interaction::productId, Collectors.counting()))
            .values();
    List<Long> sorted = views.stream().sorted(Comparator.reverseOrder()).toList();
    long total = sorted.stream().mapToLong(Long::longValue).sum();
    long top10Percent = sorted.stream().limit(30).mapToLong(Long::longValue).sum();

    assertThat((double) top10Percent / total).isGreaterThan(0.3);
  }

  @Test
  void everyProductStaysInOneCategory() {
    Map<String, List<String>> categories =
        SyntheticShoppers.generate(small(42)).stream()
            .filter(Interaction::hasProduct)
            .collect(
                Collectors.groupingBy(
                    Interaction::productId,
                    Collectors.mapping(Interaction::categoryId, Collectors.toList())));

    assertThat(categories.values()).allSatisfy(list -> assertThat(list).containsOnly(list.get(0)));
  }
}
