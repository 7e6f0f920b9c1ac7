package com.shopverse.ops.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoringTest {

  static final Duration GRACE = Duration.ofSeconds(30);
  final List<Truth> truths = Truth.read(file("eval/truth.jsonl"));

  static Path file(String resource) {
    try {
      return Path.of(ScoringTest.class.getClassLoader().getResource(resource).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static long ms(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }

  static Detection at(String series, String key, String bucket) {
    return new Detection(series, key, ms(bucket), 5, "level", ms(bucket) + 7_000);
  }

  @Test
  void readsTheContractsTruthLines() {
    assertThat(truths).hasSize(5);
    assertThat(truths.get(2).key()).isEqualTo("P00042");
    assertThat(truths.get(2).series()).containsExactly("product.views", "shopper.events");
    assertThat(truths).filteredOn(Truth::detectable).hasSize(3);
    assertThat(truths.get(0).peak()).isTrue();
  }

  @Test
  void aFlashSalesProductViewsMatchOnlyForTheSalesOwnProducts() {
    Truth sale = truths.get(1);
    assertThat(sale.keys()).containsOnlyKeys("product.views");
    assertThat(Scoring.matches(sale, at("product.views", "P00031", "2026-12-01T16:11:30Z"), GRACE))
        .isTrue();
    assertThat(Scoring.matches(sale, at("product.views", "P00099", "2026-12-01T16:11:30Z"), GRACE))
        .as("a product the sale is not about")
        .isFalse();
    assertThat(
            Scoring.matches(sale, at("events.ADDED_TO_CART", "*", "2026-12-01T16:11:30Z"), GRACE))
        .as("series without listed keys match as before")
        .isTrue();
    assertThat(Scoring.matches(sale, at("product.views", "P00031", "2026-12-01T16:20:00Z"), GRACE))
        .as("outside its window")
        .isFalse();
  }

  @Test
  void matchesOnSeriesTimeAndTheKeyOfTheFirstSeries() {
    Truth bot = truths.get(2);
    assertThat(Scoring.matches(bot, at("product.views", "P00042", "2026-12-01T16:14:05Z"), GRACE))
        .isTrue();
    assertThat(Scoring.matches(bot, at("product.views", "P00001", "2026-12-01T16:14:05Z"), GRACE))
        .as("another product")
        .isFalse();
    assertThat(Scoring.matches(bot, at("shopper.events", "a-1", "2026-12-01T16:14:05Z"), GRACE))
        .as("the bot's shopper id is not in the truth")
        .isTrue();
    assertThat(Scoring.matches(bot, at("product.views", "P00042", "2026-12-01T16:15:25Z"), GRACE))
        .as("within the grace after its end")
        .isTrue();
    assertThat(Scoring.matches(bot, at("product.views", "P00042", "2026-12-01T16:15:35Z"), GRACE))
        .isFalse();
    assertThat(Scoring.matches(bot, at("product.views", "P00042", "2026-12-01T16:13:55Z"), GRACE))
        .as("a bucket ending at the onset")
        .isFalse();
    assertThat(Scoring.matches(bot, at("product.views", "P00042", "2026-12-01T16:13:57Z"), GRACE))
        .as("a bucket straddling the onset")
        .isTrue();
    assertThat(Scoring.matches(truths.get(0), at("orders", "*", "2026-12-01T16:03:05Z"), GRACE))
        .as("a daily peak is not an anomaly")
        .isFalse();
  }

  @Test
  void scoresPrecisionRecallAndTimeToDetection() {
    List<Detection> anomalies =
        List.of(
            at("events.ADDED_TO_CART", "*", "2026-12-01T16:11:05Z"),
            at("orders", "*", "2026-12-01T16:11:10Z"),
            at("product.views", "P00042", "2026-12-01T16:14:00Z"),
            at("events.all", "*", "2026-12-01T16:14:00Z"), // unlisted series, inside the window
            at("orders", "*", "2026-12-01T16:40:00Z")); // nothing happened then
    Scoring.DetectionScore score = Scoring.detections(truths, anomalies, GRACE);
    assertThat(score.precision()).isEqualTo(3 / 5.0);
    assertThat(score.lenientPrecision()).isEqualTo(4 / 5.0);
    assertThat(score.recall()).isEqualTo(2 / 3.0);
    assertThat(score.scenarios())
        .extracting(r -> r.truth().scenario())
        .containsExactly("flash-sale", "bot-views", "error-burst");
    assertThat(score.scenarios().get(0).delay()).contains(Duration.ofSeconds(10));
    assertThat(score.scenarios().get(0).processingDelay()).contains(Duration.ofSeconds(12));
    assertThat(score.scenarios().get(0).matches()).isEqualTo(2);
    assertThat(score.scenarios().get(1).delay()).contains(Duration.ofSeconds(5));
    assertThat(score.scenarios().get(2).first()).isEmpty();
  }

  @Test
  void breaksDownWhatStrictPrecisionCountedAgainstTheDetector() {
    List<Detection> anomalies =
        List.of(
            at("orders", "*", "2026-12-01T16:11:10Z"), // matches the flash sale
            at("events.all", "*", "2026-12-01T16:14:00Z"), // the bot's window, unlisted
            at("events.all", "*", "2026-12-01T16:14:05Z"),
            at("orders", "*", "2026-12-01T16:40:00Z"), // nothing happened then
            at("checkout.failures", "*", "2026-12-01T16:40:05Z"));

    assertThat(Scoring.unmatched(truths, anomalies, GRACE))
        .containsExactly(
            new Scoring.Unmatched("events.all", "level", 2, 0),
            new Scoring.Unmatched("checkout.failures", "level", 0, 1),
            new Scoring.Unmatched("orders", "level", 0, 1));
  }

  @Test
  void comparesTheForecastWithTheNaiveOneOutsideScenarios() {
    List<Forecast> rows = new ArrayList<>();
    long t0 = ms("2026-12-01T16:00:00Z");
    // Actual 10, 20, 30, …; the model forecasts the next bucket exactly, except once by 10 %.
    for (int i = 0; i < 10; i++) {
      double next = 10 * (i + 2) * (i == 4 ? 1.1 : 1.0);
      rows.add(
          new Forecast(
              "events.all", t0 + i * 5_000, 5, 1, t0 + (i + 1) * 5_000, 10 * (i + 1), next));
    }
    List<Scoring.ForecastError> errors = Scoring.forecastErrors(rows, t0, t0 + 60_000, List.of());
    assertThat(errors)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.points()).isEqualTo(9);
              assertThat(e.mape()).isCloseTo(0.1 / 9, org.assertj.core.data.Offset.offset(1e-9));
              assertThat(e.mape()).isLessThan(e.naiveMape());
            });
    Truth window =
        new Truth(
            "x",
            Instant.ofEpochMilli(t0 + 25_000),
            Instant.ofEpochMilli(t0 + 25_000),
            List.of("events.all"),
            "*",
            "");
    assertThat(Scoring.forecastErrors(rows, t0, t0 + 60_000, List.of(window)))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.points()).isEqualTo(8);
              assertThat(e.mape()).isZero();
            });
  }

  @Test
  void measuresHowLongBeforeThePeakTheForecastCrossesTheThreshold() {
    Truth peak = truths.get(0); // 16:03 to 16:04
    long t0 = ms("2026-12-01T16:00:00Z");
    List<Forecast> rows = new ArrayList<>();
    // A ramp from 0 to 36 events/s over four minutes of 5 s buckets; the forecast is 25 s ahead.
    for (int i = 0; i < 48; i++) {
      double rate = 0.75 * i;
      rows.add(
          new Forecast(
              "events.all",
              t0 + i * 5_000,
              5,
              5,
              t0 + (i + 5) * 5_000,
              rate * 5,
              0.75 * (i + 5) * 5));
    }
    List<Scoring.PeakLead> leads = Scoring.peakLeads(List.of(peak), rows, "events.all", 5, 0, 20);
    assertThat(leads)
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.thresholdPerSecond()).isEqualTo(20);
              assertThat(l.lead()).contains(Duration.ofSeconds(25));
            });
    assertThat(
            Scoring.peakLeads(List.of(peak), rows, "events.all", 5, 0.5, 0)
                .get(0)
                .thresholdPerSecond())
        .as("half the highest rate of a bucket starting inside the peak")
        .isEqualTo(0.5 * 0.75 * 47);
  }
}
