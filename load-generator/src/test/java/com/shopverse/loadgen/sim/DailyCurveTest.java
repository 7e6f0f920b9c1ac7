package com.shopverse.loadgen.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DailyCurveTest {

  private final DailyCurve curve = new DailyCurve(Duration.ofMinutes(5));
  private final long day = Duration.ofMinutes(5).toNanos();

  private long hour(double h) {
    return (long) (day * h / 24);
  }

  @Test
  void averagesOneOverADaySoTheRateIsTheMean() {
    double sum = 0;
    int steps = 10_000;
    for (int i = 0; i < steps; i++) {
      sum += curve.at(day * i / steps);
    }
    assertThat(sum / steps).isCloseTo(1.0, within(0.001));
  }

  @Test
  void isLowestAtNightAndHighestInTheEvening() {
    double lowest = Double.MAX_VALUE;
    double highest = 0;
    double lowAt = -1;
    double highAt = -1;
    for (double h = 0; h < 24; h += 0.25) {
      double v = curve.at(hour(h));
      if (v < lowest) {
        lowest = v;
        lowAt = h;
      }
      if (v > highest) {
        highest = v;
        highAt = h;
      }
    }
    assertThat(lowAt).isBetween(2.0, 5.0);
    assertThat(highAt).isBetween(19.0, 22.0);
    assertThat(highest / lowest).isGreaterThan(5);
    assertThat(highest).isCloseTo(DailyCurve.max(), within(1e-9));
  }

  @Test
  void repeatsEveryDay() {
    assertThat(curve.at(hour(20) + 3 * day)).isCloseTo(curve.at(hour(20)), within(1e-9));
  }

  @Test
  void thePeakIsAnEveningIntervalAboveItsShareOfTheMaximum() {
    long[] peak = curve.peakWithinDay();
    assertThat(peak[0]).isBetween(hour(18.5), hour(20.5));
    assertThat(peak[1]).isBetween(hour(20.5), hour(22.5));
    assertThat(curve.at((peak[0] + peak[1]) / 2))
        .isGreaterThanOrEqualTo(DailyCurve.PEAK_SHARE * DailyCurve.max());
    assertThat(curve.at(peak[0] - hour(0.5))).isLessThan(DailyCurve.PEAK_SHARE * DailyCurve.max());
    assertThat(curve.clock(peak[0])).startsWith("18:").matches("\\d\\d:\\d\\d");
  }
}
