package com.shopverse.ops.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PeerDetectorTest {

  private final PeerDetector detector = new PeerDetector(ModelSettings.defaults(60));

  /** Views of 500 products with Zipf (s = 1) popularity: P00001 is by far the most viewed. */
  private static Map<String, Long> zipfBucket(Random random, int views) {
    int products = 500;
    double[] cumulative = new double[products];
    double sum = 0;
    for (int r = 1; r <= products; r++) {
      sum += 1.0 / r;
      cumulative[r - 1] = sum;
    }
    Map<String, Long> counts = new HashMap<>();
    for (int i = 0; i < views; i++) {
      double u = random.nextDouble() * sum;
      int r = 0;
      while (cumulative[r] < u) {
        r++;
      }
      counts.merge(String.format("P%05d", r + 1), 1L, Long::sum);
    }
    return counts;
  }

  @Test
  void flagsABotAmongZipfPeersButNotThePopularHead() {
    Random random = new Random(3);
    Map<String, Double> baselines = new HashMap<>();
    List<List<PeerDetector.Flag>> flagsPerBucket = new ArrayList<>();
    for (int bucket = 0; bucket < 40; bucket++) {
      Map<String, Long> counts = zipfBucket(random, 600);
      if (bucket >= 30) {
        counts.merge("P00042", 200L, Long::sum); // a bot viewing one product 40/s in 5 s buckets
      }
      List<PeerDetector.KeyCount> keys = new ArrayList<>();
      counts.forEach(
          (key, count) ->
              keys.add(
                  new PeerDetector.KeyCount(key, count, baselines.getOrDefault(key, Double.NaN))));
      List<PeerDetector.Flag> flags = detector.detect(keys, bucket);
      flagsPerBucket.add(flags);
      counts.forEach(
          (key, count) ->
              baselines.put(
                  key,
                  detector.nextBaseline(
                      baselines.getOrDefault(key, Double.NaN),
                      count,
                      flags.stream().anyMatch(f -> f.key().equals(key)))));
    }
    for (int bucket = 0; bucket < 30; bucket++) {
      assertThat(flagsPerBucket.get(bucket)).as("bucket %d", bucket).isEmpty();
    }
    for (int bucket = 30; bucket < 40; bucket++) {
      assertThat(flagsPerBucket.get(bucket))
          .as("bucket %d", bucket)
          .extracting(PeerDetector.Flag::key)
          .containsExactly("P00042");
    }
  }

  @Test
  void flagsANewShopperFarAboveTheOthers() {
    Random random = new Random(5);
    List<PeerDetector.KeyCount> shoppers = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      shoppers.add(new PeerDetector.KeyCount("u" + i, 1 + random.nextInt(6), Double.NaN));
    }
    shoppers.add(new PeerDetector.KeyCount("a-bot", 150, Double.NaN));
    List<PeerDetector.Flag> flags = detector.detect(shoppers, 100);
    assertThat(flags).extracting(PeerDetector.Flag::key).containsExactly("a-bot");
    assertThat(flags.get(0).score()).isGreaterThan(4.0);
  }

  @Test
  void judgesNoKeyInTheFirstBucketsOfASeries() {
    List<PeerDetector.KeyCount> shoppers = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      shoppers.add(new PeerDetector.KeyCount("u" + i, 1, Double.NaN));
    }
    shoppers.add(new PeerDetector.KeyCount("a-bot", 150, Double.NaN));
    assertThat(detector.detect(shoppers, PeerDetector.WARMUP_BUCKETS - 1)).isEmpty();
    assertThat(detector.detect(shoppers, PeerDetector.WARMUP_BUCKETS)).hasSize(1);
  }

  @Test
  void leavesAKeyAloneBelowTheMinimumCount() {
    List<PeerDetector.KeyCount> shoppers = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      shoppers.add(new PeerDetector.KeyCount("u" + i, 1, Double.NaN));
    }
    shoppers.add(new PeerDetector.KeyCount("busy", 15, Double.NaN));
    assertThat(detector.detect(shoppers, 100)).isEmpty();
  }
}
