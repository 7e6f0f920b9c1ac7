package com.shopverse.loadgen.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ZipfTest {

  @Test
  void rankProbabilitiesFallAsOneOverTheRank() {
    Zipf zipf = new Zipf(30, 1.0);
    assertThat(zipf.probability(0) / zipf.probability(9)).isCloseTo(10.0, within(1e-9));
    assertThat(zipf.probability(1) / zipf.probability(3)).isCloseTo(2.0, within(1e-9));
  }

  @Test
  void drawsFollowTheProbabilities() {
    Zipf zipf = new Zipf(30, 1.0);
    Random random = new Random(1);
    int[] counts = new int[30];
    int draws = 200_000;
    for (int i = 0; i < draws; i++) {
      counts[zipf.next(random)]++;
    }
    for (int rank : new int[] {0, 1, 4, 29}) {
      assertThat(counts[rank] / (double) draws).isCloseTo(zipf.probability(rank), within(0.005));
    }
    // The head is heavy: the top 3 of 30 products take over 40 % of the views.
    assertThat(counts[0] + counts[1] + counts[2]).isGreaterThan(draws * 2 / 5);
  }
}
