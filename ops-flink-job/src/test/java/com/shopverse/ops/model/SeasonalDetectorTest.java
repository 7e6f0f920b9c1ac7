package com.shopverse.ops.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SeasonalDetectorTest {

  private final ModelSettings settings = ModelSettings.defaults(Series.SEASON).withHorizons(1, 5);
  private final SeasonalDetector detector = new SeasonalDetector(settings);

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void raisesNoAlarmOnANoisySeasonalSeriesAfterWarmUp(long seed) {
    assertThat(anomalies(Series.seasonal(12 * Series.SEASON, seed))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4})
  void doesNotMistakeATrendForAnAnomaly(long seed) {
    // +0.3 per bucket: the level rises by 200 (double the mean) over the run.
    assertThat(anomalies(Series.seasonal(12 * Series.SEASON, seed, 0.3))).isEmpty();
  }

  @Test
  void flagsASpikeInTheBucketItHappensUpwards() {
    double[] values = Series.seasonal(6 * Series.SEASON, 11);
    int at = 4 * Series.SEASON + 17;
    values[at] += 80;
    List<Flagged> flagged = anomalies(values);
    assertThat(flagged).isNotEmpty();
    assertThat(flagged.get(0).bucket()).isEqualTo(at);
    assertThat(flagged.get(0).verdict().direction()).isEqualTo(Verdict.Direction.UP);
    assertThat(flagged.get(0).verdict().expected())
        .isBetween(values[at] - 80 - 20, values[at] - 60);
    // Clipped learning: the spike does not read as a drop in the buckets after it.
    assertThat(flagged).allMatch(f -> f.bucket() == at);
  }

  @Test
  void flagsAStepDownWithinTwoBucketsAsADrop() {
    double[] values = Series.seasonal(6 * Series.SEASON, 12);
    int at = 4 * Series.SEASON + 40;
    for (int t = at; t < values.length; t++) {
      values[t] *= 0.3;
    }
    List<Flagged> flagged = anomalies(values);
    assertThat(flagged).isNotEmpty();
    assertThat(flagged.get(0).bucket()).isBetween(at, at + 2);
    assertThat(flagged.get(0).verdict().direction()).isEqualTo(Verdict.Direction.DOWN);
    assertThat(flagged.get(0).verdict().score()).isLessThan(-settings.threshold());
  }

  @Test
  void scoresNothingDuringWarmUp() {
    double[] values = Series.seasonal(2 * Series.SEASON, 13);
    values[Series.SEASON + 5] += 500;
    SeriesState state = detector.newState();
    for (int t = 0; t < values.length; t++) {
      Verdict v = detector.update(state, t, values[t]);
      assertThat(v.scored()).isFalse();
      assertThat(v.anomalous()).isFalse();
    }
  }

  @Test
  void readsAMissingBucketAsZero() {
    double[] values = Series.seasonal(5 * Series.SEASON, 14);
    SeriesState state = detector.newState();
    List<Verdict> verdicts = new ArrayList<>();
    int gapAt = 4 * Series.SEASON + 10;
    for (int t = 0; t < values.length; t++) {
      if (t == gapAt) {
        continue; // no events at all in this bucket
      }
      verdicts.add(detector.update(state, t, values[t]));
    }
    assertThat(state.seen).isEqualTo(values.length);
    // The bucket after the gap still scores normally: the gap was learnt as one (clipped) drop.
    assertThat(verdicts.get(gapAt).scored()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 5})
  void forecastsASeasonalSeriesBetterThanTheLastBucket(int horizon) {
    double[] values = Series.seasonal(12 * Series.SEASON, 21);
    SeriesState state = detector.newState();
    double modelError = 0;
    double naiveError = 0;
    int n = 0;
    double[] forecastFor = new double[values.length + horizon];
    int index = horizon == 1 ? 0 : 1;
    for (int t = 0; t < values.length; t++) {
      if (t >= 3 * Series.SEASON) {
        modelError += Math.abs(forecastFor[t] - values[t]) / values[t];
        naiveError += Math.abs(values[t - horizon] - values[t]) / values[t];
        n++;
      }
      forecastFor[t + horizon] = detector.update(state, t, values[t]).forecasts()[index];
    }
    double modelMape = modelError / n;
    double naiveMape = naiveError / n;
    assertThat(modelMape).isLessThan(naiveMape);
    assertThat(modelMape).isLessThan(0.08);
  }

  private record Flagged(int bucket, Verdict verdict) {}

  private List<Flagged> anomalies(double[] values) {
    SeriesState state = detector.newState();
    List<Flagged> flagged = new ArrayList<>();
    for (int t = 0; t < values.length; t++) {
      Verdict v = detector.update(state, 1_000_000 + t, values[t]);
      if (v.anomalous()) {
        flagged.add(new Flagged(t, v));
      }
    }
    return flagged;
  }
}
