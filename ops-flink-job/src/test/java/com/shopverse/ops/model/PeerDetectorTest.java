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

  @Test
  void flagsAFirstPasswordGuessingRunFromOneClientWithoutPeersOrWarmUp() {
    List<PeerDetector.Flag> flags =
        detector.detectFailures(List.of(new PeerDetector.KeyCount("198.51.100.9", 25, Double.NaN)));

    assertThat(flags)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.key()).isEqualTo("198.51.100.9");
              assertThat(f.expected()).isZero();
              assertThat(f.actual()).isEqualTo(25);
            });
  }

  @Test
  void aGuessingRunThatStartsLateInABucketIsFlaggedInTheNext() {
    // The benchmark's run: 9 failures in the bucket it started in, then 27 (5 a second).
    var first = new PeerDetector.KeyCount("198.51.100.9", 9, Double.NaN);
    assertThat(detector.detectFailures(List.of(first))).isEmpty();
    double usual = detector.nextFailureBaseline(first.baseline(), first.count(), false);

    var second = new PeerDetector.KeyCount("198.51.100.9", 27, usual);
    assertThat(detector.detectFailures(List.of(second)))
        .singleElement()
        .satisfies(f -> assertThat(f.expected()).isLessThan(1.0));
  }

  @Test
  void aClientThatFailsOftenBuildsItsUsualCountUpOverBuckets() {
    double usual = Double.NaN;
    for (int bucket = 0; bucket < 40; bucket++) {
      usual = detector.nextFailureBaseline(usual, 12, false);
    }
    assertThat(usual).isBetween(11.0, 12.0);
    assertThat(detector.detectFailures(List.of(new PeerDetector.KeyCount("10.0.0.3", 30, usual))))
        .isEmpty();
  }

  @Test
  void leavesTyposAndAClientThatUsuallyFailsThisOftenAlone() {
    List<PeerDetector.KeyCount> bucket =
        List.of(
            new PeerDetector.KeyCount("10.0.0.1", 1, Double.NaN), // a typo
            new PeerDetector.KeyCount("10.0.0.2", 19, Double.NaN), // below the minimum count
            new PeerDetector.KeyCount("10.0.0.3", 30, 12.0)); // a shared office NAT, as usual

    assertThat(detector.detectFailures(bucket)).isEmpty();
  }

  @Test
  void withPeersAFailingClientMustAlsoStandOutFromThem() {
    List<PeerDetector.KeyCount> bucket = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      bucket.add(new PeerDetector.KeyCount("10.0.1." + i, 1 + i % 2, 0.5));
    }
    bucket.add(new PeerDetector.KeyCount("198.51.100.9", 60, Double.NaN));
    List<PeerDetector.KeyCount> campaign = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      campaign.add(new PeerDetector.KeyCount("10.0.2." + i, 40 + i, Double.NaN));
    }

    assertThat(detector.detectFailures(bucket))
        .extracting(PeerDetector.Flag::key)
        .containsExactly("198.51.100.9");
    // Twenty clients all failing alike: none stands out from the others (the aggregate series,
    // login.failures.all, is the one that sees a campaign spread over many addresses).
    assertThat(detector.detectFailures(campaign)).isEmpty();
  }
}
