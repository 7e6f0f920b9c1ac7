package com.shopverse.recommendation.quality;

import com.shopverse.events.InteractionType;
import com.shopverse.recommendation.model.ModelSettings;
import com.shopverse.recommendation.quality.Evaluator.Evaluation;
import com.shopverse.recommendation.quality.Evaluator.Options;
import com.shopverse.recommendation.quality.Evaluator.Variant;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Chooses the model's knobs on the validation split only: the events before the test cutoff, cut
 * again at {@value #VALIDATION_FRACTION} of their range (so the last 10 % of the training period is
 * held out). Coordinate descent from {@link ModelSettings#defaults()}: each round tries every value
 * of every knob with the others fixed and keeps the single change that helps most, until none helps
 * by more than {@value #MIN_GAIN}. The objective is HitRate@10 + MRR@10 of both variants.
 *
 * <p>Ranking knobs are tried side by side in one replay (they do not change what the model learns);
 * knobs that change training (weights, half-life, session items) each need a replay. {@code
 * neighbourWeight} stays 1: only the ratios of the three signal weights matter. The diversity cap
 * is only searched between 3 and 5: how diverse a list must be is a product decision.
 */
final class Tuning {

  static final double VALIDATION_FRACTION = 0.9;
  static final double MIN_GAIN = 0.002;

  private Tuning() {}

  static Options validationOptions(Options options) {
    return new Options(
        VALIDATION_FRACTION, options.limit(), options.maxPoints(), options.sampleSeed());
  }

  private record Knob(String name, boolean training, List<Object> values) {}

  private static List<Knob> knobs() {
    return List.of(
        new Knob("historyItems", false, List.of(2, 3, 5, 10, 20)),
        new Knob("neighboursPerItem", false, List.of(10, 20, 40, 80)),
        new Knob("ownItemWeight", false, List.of(0.02, 0.05, 0.1, 0.25, 0.5, 1.0)),
        new Knob("trendingWeight", false, List.of(0.01, 0.02, 0.05, 0.1, 0.2)),
        new Knob("categoryAffinityWeight", false, List.of(0.0, 1.0, 3.0, 10.0)),
        new Knob("maxPerCategory", false, List.of(3, 4, 5)),
        new Knob(
            "halfLife",
            true,
            List.of(
                Duration.ofDays(3), Duration.ofDays(7), Duration.ofDays(14), Duration.ofDays(28))),
        new Knob("sessionItems", true, List.of(3, 5, 10, 20)),
        new Knob(
            "weights",
            true,
            List.of(
                weights(1, 1, 1, 1),
                weights(1, 1, 2, 3),
                weights(1, 2, 3, 5),
                weights(1, 2, 4, 6))));
  }

  static void run(List<Interaction> trainingPeriod, Options options, PrintStream out) {
    Options validation = validationOptions(options);
    ModelSettings best = ModelSettings.defaults();
    double bestScore =
        score(evaluate(trainingPeriod, best, Map.of("current", best), validation), "current");
    out.printf(Locale.ROOT, "start: %.4f %s%n", bestScore, describe(best));
    for (int round = 1; round <= 12; round++) {
      Map<String, ModelSettings> ranking = new LinkedHashMap<>();
      ranking.put("current", best);
      Map<String, Double> scores = new LinkedHashMap<>();
      Map<String, ModelSettings> tried = new LinkedHashMap<>();
      for (Knob knob : knobs()) {
        for (Object value : knob.values()) {
          ModelSettings candidate = with(best, knob.name(), value);
          if (candidate.equals(best)) {
            continue;
          }
          String label = knob.name() + "=" + value;
          tried.put(label, candidate);
          if (knob.training()) {
            Evaluation e =
                evaluate(trainingPeriod, candidate, Map.of(label, candidate), validation);
            scores.put(label, score(e, label));
          } else {
            ranking.put(label, candidate);
          }
        }
      }
      Evaluation e = evaluate(trainingPeriod, best, ranking, validation);
      ranking.keySet().forEach(label -> scores.put(label, score(e, label)));
      double current = scores.remove("current");
      String winner = null;
      double winnerScore = current;
      for (Map.Entry<String, Double> entry : scores.entrySet()) {
        out.printf(
            Locale.ROOT,
            "  round %d  %-40s %.4f (%+.4f)%n",
            round,
            entry.getKey(),
            entry.getValue(),
            entry.getValue() - current);
        if (entry.getValue() > winnerScore) {
          winner = entry.getKey();
          winnerScore = entry.getValue();
        }
      }
      if (winner == null || winnerScore - current < MIN_GAIN) {
        out.printf(Locale.ROOT, "round %d: no change helps by %.3f; done%n", round, MIN_GAIN);
        break;
      }
      best = tried.get(winner);
      bestScore = winnerScore;
      out.printf(Locale.ROOT, "round %d: %s -> %.4f%n", round, winner, bestScore);
    }
    out.printf(Locale.ROOT, "best: %.4f %s%n", bestScore, describe(best));
  }

  private static Evaluation evaluate(
      List<Interaction> data,
      ModelSettings trained,
      Map<String, ModelSettings> ranked,
      Options options) {
    List<Recommender> recommenders = new ArrayList<>();
    int neighboursKept = trained.neighboursPerItem();
    for (Map.Entry<String, ModelSettings> entry : ranked.entrySet()) {
      recommenders.add(new HybridRanking(entry.getKey(), entry.getValue()));
      neighboursKept = Math.max(neighboursKept, entry.getValue().neighboursPerItem());
    }
    return Evaluator.evaluate(data, trained, recommenders, options, neighboursKept);
  }

  private static double score(Evaluation evaluation, String name) {
    double score = 0;
    for (Variant variant : Variant.values()) {
      Metrics m = evaluation.metrics().get(variant).get(name);
      score += m.hitRate() + m.mrr();
    }
    return score;
  }

  private static Map<InteractionType, Double> weights(
      double view, double click, double cart, double purchase) {
    Map<InteractionType, Double> weights = new EnumMap<>(InteractionType.class);
    weights.put(InteractionType.PRODUCT_VIEWED, view);
    weights.put(InteractionType.PRODUCT_CLICKED, click);
    weights.put(InteractionType.ADDED_TO_CART, cart);
    weights.put(InteractionType.PURCHASED, purchase);
    return weights;
  }

  private static String describe(ModelSettings s) {
    return String.format(
        Locale.ROOT,
        "weights=%s halfLife=%s sessionItems=%d historyItems=%d neighboursPerItem=%d"
            + " ownItemWeight=%s trendingWeight=%s categoryAffinityWeight=%s maxPerCategory=%d",
        new EnumMap<>(s.weights()),
        s.halfLife(),
        s.sessionItems(),
        s.historyItems(),
        s.neighboursPerItem(),
        s.ownItemWeight(),
        s.trendingWeight(),
        s.categoryAffinityWeight(),
        s.maxPerCategory());
  }

  @SuppressWarnings("unchecked")
  private static ModelSettings with(ModelSettings s, String knob, Object value) {
    return new ModelSettings(
        knob.equals("weights") ? (Map<InteractionType, Double>) value : s.weights(),
        s.sessionGap(),
        knob.equals("sessionItems") ? (Integer) value : s.sessionItems(),
        knob.equals("halfLife") ? (Duration) value : s.halfLife(),
        s.decayEpoch(),
        knob.equals("historyItems") ? (Integer) value : s.historyItems(),
        knob.equals("neighboursPerItem") ? (Integer) value : s.neighboursPerItem(),
        knob.equals("ownItemWeight") ? (Double) value : s.ownItemWeight(),
        s.neighbourWeight(),
        knob.equals("trendingWeight") ? (Double) value : s.trendingWeight(),
        knob.equals("categoryAffinityWeight") ? (Double) value : s.categoryAffinityWeight(),
        knob.equals("maxPerCategory") ? (Integer) value : s.maxPerCategory(),
        s.removedCooldown(),
        s.rebuyable());
  }
}
