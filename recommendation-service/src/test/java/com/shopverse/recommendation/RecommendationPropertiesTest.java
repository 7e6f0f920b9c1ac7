package com.shopverse.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopverse.events.InteractionType;
import com.shopverse.recommendation.model.ModelSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The model knobs bind from the same environment variables the Flink job reads. */
class RecommendationPropertiesTest {

  @Test
  void bindsModelKnobsFromEnvironmentVariablesAndDefaultsTheRest() {
    StandardEnvironment environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .addFirst(
            new SystemEnvironmentPropertySource(
                "test-systemEnvironment", // the name makes Spring map it as environment variables
                Map.of(
                    "SHOPVERSE_RECOMMENDATION_MODEL_HALFLIFE", "3d",
                    "SHOPVERSE_RECOMMENDATION_MODEL_WEIGHTS_ADDEDTOCART", "7.5",
                    "SHOPVERSE_RECOMMENDATION_MODEL_MAXPERCATEGORY", "2")));

    RecommendationProperties properties =
        new Binder(ConfigurationPropertySources.get(environment))
            .bindOrCreate("shopverse.recommendation", RecommendationProperties.class);

    ModelSettings settings = properties.modelSettings();
    ModelSettings defaults = ModelSettings.defaults();
    assertThat(settings.halfLife()).isEqualTo(Duration.ofDays(3));
    assertThat(settings.weight(InteractionType.ADDED_TO_CART)).isEqualTo(7.5);
    assertThat(settings.maxPerCategory()).isEqualTo(2);
    assertThat(settings.sessionGap()).isEqualTo(defaults.sessionGap());
  }
}
