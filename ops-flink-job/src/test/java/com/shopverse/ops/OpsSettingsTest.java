package com.shopverse.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OpsSettingsTest {

  @Test
  void derivesTheSeasonAndWarmUpFromTheBucketAndTheCompressedDay() {
    OpsSettings s =
        OpsSettings.from(
            new String[] {"--ops.bucket", "5s", "--ops.day", "5m", "--ops.horizons", "1, 6"});
    assertThat(s.pipeline().bucket()).isEqualTo(Duration.ofSeconds(5));
    assertThat(s.pipeline().model().seasonLength()).isEqualTo(60);
    assertThat(s.pipeline().model().warmupBuckets()).isEqualTo(120);
    assertThat(s.pipeline().model().horizons()).containsExactly(1, 6);
  }

  @Test
  void defaultsToMinuteBucketsOverARealDay() {
    OpsSettings s = OpsSettings.from(new String[0]);
    assertThat(s.pipeline().model().seasonLength()).isEqualTo(1440);
    assertThat(s.pipeline().model().horizons()).containsExactly(5);
    assertThat(s.restPort()).isEqualTo(8087);
    assertThat(s.metricsPort()).isEqualTo(9250);
  }

  @Test
  void refusesADayThatIsNotAWholeNumberOfBuckets() {
    assertThatThrownBy(
            () -> OpsSettings.from(new String[] {"--ops.bucket", "7s", "--ops.day", "5m"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("OPS_DAY");
  }
}
