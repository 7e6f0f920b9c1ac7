package com.shopverse.recommendation.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.shopverse.recommendation.model.Catalog;
import com.shopverse.recommendation.model.ProductFacts;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsTest {

  private final Catalog catalog =
      id -> new ProductFacts(id, id.startsWith("s") ? "shoes" : "hats", true, true);

  @Test
  void ranksCountFromOneAndOnlyWithinTheFirstK() {
    List<String> list = List.of("a", "b", "c", "d");

    assertThat(Metrics.rank(list, "a", 3)).isEqualTo(1);
    assertThat(Metrics.rank(list, "c", 3)).isEqualTo(3);
    assertThat(Metrics.rank(list, "d", 3)).isZero();
    assertThat(Metrics.rank(list, "x", 3)).isZero();
  }

  @Test
  void hitRateAndMrrMatchAHandComputedExample() {
    Metrics metrics = new Metrics(3);
    metrics.add(List.of("s1", "h1", "s2"), "h1", catalog); // rank 2
    metrics.add(List.of("s1", "s2", "s3", "h1"), "h1", catalog); // rank 4: beyond k
    metrics.add(List.of("h2"), "h2", catalog); // rank 1
    metrics.add(List.of(), "h2", catalog); // empty list: a miss

    assertThat(metrics.lists()).isEqualTo(4);
    assertThat(metrics.hitRate()).isCloseTo(2.0 / 4, within(1e-12));
    assertThat(metrics.mrr()).isCloseTo((1.0 / 2 + 0 + 1.0 + 0) / 4, within(1e-12));
  }

  @Test
  void coverageAndDiversityLookAtTheFirstKOnly() {
    Metrics metrics = new Metrics(3);
    metrics.add(List.of("s1", "h1", "s2", "h9"), "x", catalog); // s1 h1 s2: 2 categories
    metrics.add(List.of("s1", "s2"), "x", catalog); // 1 category

    assertThat(metrics.coverage(10)).isCloseTo(3.0 / 10, within(1e-12));
    assertThat(metrics.diversity()).isCloseTo((2 + 1) / 2.0, within(1e-12));
    assertThat(metrics.meanLength()).isCloseTo((3 + 2) / 2.0, within(1e-12));
  }

  @Test
  void anEmptyRunScoresZeroRatherThanNaN() {
    Metrics metrics = new Metrics(10);

    assertThat(metrics.hitRate()).isZero();
    assertThat(metrics.mrr()).isZero();
    assertThat(metrics.diversity()).isZero();
  }
}
