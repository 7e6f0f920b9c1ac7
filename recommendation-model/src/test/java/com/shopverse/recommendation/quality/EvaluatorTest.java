package com.shopverse.recommendation.quality;

import static com.shopverse.events.InteractionType.PRODUCT_CLICKED;
import static com.shopverse.events.InteractionType.PRODUCT_VIEWED;
import static org.assertj.core.api.Assertions.assertThat;

import com.shopverse.events.InteractionType;
import com.shopverse.recommendation.model.ModelSettings;
import com.shopverse.recommendation.quality.Evaluator.Evaluation;
import com.shopverse.recommendation.quality.Evaluator.Options;
import com.shopverse.recommendation.quality.Evaluator.Variant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluatorTest {

  private static final long DAY = 86_400_000L;
  private static final long MINUTE = 60_000L;
  private static final long START = Instant.parse("2026-03-02T00:00:00Z").toEpochMilli();

  private final ModelSettings settings = ModelSettings.defaults();
  private final List<Interaction> data = new ArrayList<>();

  @Test
  void theHybridFindsWhatIsCoVisitedWhereBaselinesCannot() {
    trainingWhereAIsFollowedByB();
    long t = START + 10 * DAY;
    add(t, "X", PRODUCT_VIEWED, "A");
    add(t + MINUTE, "X", PRODUCT_VIEWED, "B");

    Evaluation evaluation = evaluate();

    assertThat(evaluation.testSessions()).isEqualTo(1);
    assertThat(evaluation.eligible()).containsEntry(Variant.NEXT_ITEM, 1L);
    Map<String, Metrics> next = evaluation.metrics().get(Variant.NEXT_NEW_ITEM);
    assertThat(next.get(QualityReport.HYBRID).hitRate()).isEqualTo(1.0);
    assertThat(next.get("Popularity").hitRate()).isZero();
    assertThat(next.get("Seed weighted score").hitRate()).isZero();
  }

  @Test
  void onlyMovesToAnotherProductAreEvaluationPoints() {
    trainingWhereAIsFollowedByB();
    long t = START + 10 * DAY;
    add(t, "X", PRODUCT_VIEWED, "A"); // position 0: no point
    add(t + MINUTE, "X", PRODUCT_VIEWED, "B"); // new product: a point
    add(t + 2 * MINUTE, "X", PRODUCT_CLICKED, "B"); // same product again: no point
    add(t + 3 * MINUTE, "X", PRODUCT_VIEWED, "A"); // back to A: a point, not new
    add(t + 4 * MINUTE, "X", InteractionType.SEARCHED, ""); // no product: no point

    Evaluation evaluation = evaluate();

    assertThat(evaluation.eligible())
        .containsEntry(Variant.NEXT_ITEM, 2L)
        .containsEntry(Variant.NEXT_NEW_ITEM, 1L);
    assertThat(evaluation.metrics().get(Variant.NEXT_ITEM).get("Seed weighted score").hitRate())
        .isEqualTo(0.5);
  }

  @Test
  void sessionsWithoutAnIdAreCutByTheSessionGap() {
    long gap = settings.sessionGap().toMillis();
    List<Interaction> events =
        List.of(
            new Interaction(START, "X", "", PRODUCT_VIEWED, "A", "C1"),
            new Interaction(START + 1, "Y", "", PRODUCT_VIEWED, "A", "C1"),
            new Interaction(START + gap, "X", "", PRODUCT_VIEWED, "B", "C1"),
            new Interaction(START + 2 * gap + 1, "X", "", PRODUCT_VIEWED, "C", "C1"));

    assertThat(Evaluator.sessions(events, settings)).containsExactly(0, 1, 0, 2);
  }

  @Test
  void theValidationSplitNeverSeesTheTestPeriod() {
    trainingWhereAIsFollowedByB();
    add(START + 10 * DAY, "X", PRODUCT_VIEWED, "A");

    List<Interaction> validation = Evaluator.beforeTest(data, 0.8);

    assertThat(validation).isNotEmpty().allMatch(i -> i.occurredMs() < START + 8 * DAY);
  }

  /** Days 0–7: 30 shoppers go from A to B; 15 other products are more popular than both. */
  private void trainingWhereAIsFollowedByB() {
    for (int s = 0; s < 30; s++) {
      long t = START + (s % 8) * DAY + s * MINUTE;
      add(t, "S" + s, PRODUCT_VIEWED, "A");
      add(t + MINUTE, "S" + s, PRODUCT_VIEWED, "B");
    }
    for (int p = 0; p < 15; p++) {
      for (int s = 0; s < 40; s++) {
        add(
            START + (s % 7) * DAY + 12 * 3_600_000L + p * MINUTE,
            "P" + s,
            PRODUCT_CLICKED,
            "T" + p);
      }
    }
  }

  private Evaluation evaluate() {
    List<Recommender> recommenders =
        List.of(
            new HybridRanking(QualityReport.HYBRID, settings),
            new PopularityBaseline(),
            new SeedBaseline());
    return Evaluator.evaluate(
        data, settings, recommenders, Options.defaults(), settings.neighboursPerItem());
  }

  private void add(long t, String shopper, InteractionType type, String product) {
    data.add(new Interaction(t, shopper, "", type, product, product.isEmpty() ? "" : "C1"));
  }
}
