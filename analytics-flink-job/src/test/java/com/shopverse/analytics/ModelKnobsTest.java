package com.shopverse.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shopverse.events.InteractionType;
import com.shopverse.recommendation.model.ModelSettings;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelKnobsTest {

  @Test
  void readsTheVariablesRecommendationServiceBindsAndKeepsDefaultsForTheRest() {
    Map<String, String> env =
        Map.of(
            "SHOPVERSE_RECOMMENDATION_MODEL_HALFLIFE", "3d",
            "SHOPVERSE_RECOMMENDATION_MODEL_SESSIONGAP", "PT45M",
            "SHOPVERSE_RECOMMENDATION_MODEL_SESSIONITEMS", "12",
            "SHOPVERSE_RECOMMENDATION_MODEL_DECAYEPOCH", "2027-01-01T00:00:00Z",
            "SHOPVERSE_RECOMMENDATION_MODEL_WEIGHTS_ADDEDTOCART", "7.5");

    ModelSettings settings = ModelKnobs.from(env::get);

    ModelSettings defaults = ModelSettings.defaults();
    assertThat(settings.halfLife()).isEqualTo(Duration.ofDays(3));
    assertThat(settings.sessionGap()).isEqualTo(Duration.ofMinutes(45));
    assertThat(settings.sessionItems()).isEqualTo(12);
    assertThat(settings.decayEpoch()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
    assertThat(settings.weight(InteractionType.ADDED_TO_CART)).isEqualTo(7.5);
    assertThat(settings.weight(InteractionType.PRODUCT_VIEWED))
        .isEqualTo(defaults.weight(InteractionType.PRODUCT_VIEWED));
    assertThat(ModelKnobs.from(name -> null)).isEqualTo(defaults);
  }

  @Test
  void parsesDurationsAsSpringWritesThem() {
    assertThat(ModelKnobs.parseDuration("250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(ModelKnobs.parseDuration("30m")).isEqualTo(Duration.ofMinutes(30));
    assertThat(ModelKnobs.parseDuration("2h")).isEqualTo(Duration.ofHours(2));
    assertThat(ModelKnobs.parseDuration("PT1.5S")).isEqualTo(Duration.ofMillis(1500));
    assertThatThrownBy(() -> ModelKnobs.parseDuration("soon"))
        .isInstanceOf(DateTimeParseException.class);
  }
}
