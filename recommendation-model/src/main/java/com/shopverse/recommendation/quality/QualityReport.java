package com.shopverse.recommendation.quality;

import com.shopverse.events.InteractionType;
import com.shopverse.recommendation.model.ModelSettings;
import com.shopverse.recommendation.quality.Evaluator.Evaluation;
import com.shopverse.recommendation.quality.Evaluator.Options;
import com.shopverse.recommendation.quality.Evaluator.Variant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The offline quality report: the hybrid against a popularity baseline and the seed's weighted
 * score, on held-out sessions, as a markdown table.
 *
 * <pre>
 * QualityReport [--data FILE.csv[.gz]] [--out FILE.md] [--split test|validation]
 *               [--max-points N] [--seed N] [--command TEXT]
 * QualityReport --generate FILE.csv[.gz] [--seed N]   write the synthetic dataset and stop
 * QualityReport --tune [--data FILE]                  search the knobs on the validation split
 * </pre>
 *
 * Without {@code --data} the synthetic dataset is generated in memory (seed 42).
 */
public final class QualityReport {

  static final String HYBRID = "Hybrid";
  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private QualityReport() {}

  public static void main(String[] args) throws IOException {
    Arguments arguments = Arguments.parse(args);
    if (arguments.generate != null) {
      List<Interaction> data =
          SyntheticShoppers.generate(SyntheticShoppers.Spec.defaults(arguments.seed));
      InteractionCsv.write(arguments.generate, data);
      System.out.printf(
          "Wrote %,d interactions (seed %d) to %s%n",
          data.size(), arguments.seed, arguments.generate);
      return;
    }
    List<Interaction> data =
        arguments.data != null
            ? InteractionCsv.read(arguments.data)
            : SyntheticShoppers.generate(SyntheticShoppers.Spec.defaults(arguments.seed));
    Options options =
        new Options(
            Options.defaults().trainFraction(),
            Options.defaults().limit(),
            arguments.maxPoints,
            Options.defaults().sampleSeed());
    if (arguments.tune) {
      Tuning.run(Evaluator.beforeTest(data, options.trainFraction()), options, System.out);
      return;
    }
    boolean validation = arguments.split.equals("validation");
    List<Interaction> evaluated =
        validation ? Evaluator.beforeTest(data, options.trainFraction()) : data;
    Options used = validation ? Tuning.validationOptions(options) : options;
    ModelSettings settings = ModelSettings.defaults();
    List<Recommender> recommenders =
        List.of(new HybridRanking(HYBRID, settings), new PopularityBaseline(), new SeedBaseline());
    Evaluation evaluation =
        Evaluator.evaluate(evaluated, settings, recommenders, used, settings.neighboursPerItem());
    String source =
        arguments.data != null
            ? "`" + arguments.data + "`"
            : "synthetic, generated in memory (seed " + arguments.seed + ")";
    String report =
        markdown(evaluation, settings, used, arguments.split, source, arguments.command(args));
    System.out.print(report);
    if (arguments.out != null) {
      Path parent = arguments.out.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(arguments.out, report);
      System.out.println("Report written to " + arguments.out);
    }
  }

  static String markdown(
      Evaluation evaluation,
      ModelSettings settings,
      Options options,
      String split,
      String source,
      String command) {
    StringBuilder md = new StringBuilder();
    Evaluator.DatasetStats stats = evaluation.stats();
    int k = options.limit();
    md.append("# Recommendation quality\n\n");
    md.append("- Date: ").append(MINUTE.format(Instant.now())).append('\n');
    md.append("- Command: `").append(command).append("`\n");
    md.append(
        String.format(
            Locale.ROOT,
            "- Machine: %d cores%s, %s %s (%s), %s %s %s; replay and scoring took %.1f s%n",
            Runtime.getRuntime().availableProcessors(),
            cpu(),
            System.getProperty("java.vm.name"),
            System.getProperty("java.runtime.version", System.getProperty("java.version")),
            System.getProperty("java.vendor"),
            System.getProperty("os.name"),
            System.getProperty("os.version"),
            System.getProperty("os.arch"),
            evaluation.elapsedMs() / 1000.0));
    md.append(
        String.format(
            Locale.ROOT,
            "- Dataset: %s: %,d interactions, %,d shoppers, %,d products in %d categories, %,d"
                + " sessions, %s to %s%n",
            source,
            stats.events(),
            stats.shoppers(),
            stats.products(),
            stats.categories(),
            stats.sessions(),
            MINUTE.format(Instant.ofEpochMilli(stats.firstMs())),
            MINUTE.format(Instant.ofEpochMilli(stats.lastMs()))));
    List<String> types = new ArrayList<>();
    for (InteractionType type : InteractionType.values()) {
      types.add(String.format(Locale.ROOT, "%s %,d", type, stats.byType().getOrDefault(type, 0L)));
    }
    md.append("  (").append(String.join(", ", types)).append(")\n");
    md.append(
        String.format(
            Locale.ROOT,
            "- Split: %s. Cutoff at %.0f %% of the time range (%s): %,d training events; %,d"
                + " sessions start after it. Evaluation points: %,d next item, %,d next new item;"
                + " %.0f %% of them sampled (seed %d).%n",
            split,
            100 * options.trainFraction(),
            MINUTE.format(Instant.ofEpochMilli(evaluation.cutoffMs())),
            evaluation.trainEvents(),
            evaluation.testSessions(),
            evaluation.eligible().getOrDefault(Variant.NEXT_ITEM, 0L),
            evaluation.eligible().getOrDefault(Variant.NEXT_NEW_ITEM, 0L),
            100 * evaluation.sampleRate(),
            options.sampleSeed()));
    md.append('\n');
    for (Variant variant : Variant.values()) {
      Map<String, Metrics> byRecommender = evaluation.metrics().get(variant);
      long lists = byRecommender.values().stream().mapToLong(Metrics::lists).max().orElse(0);
      md.append(
          String.format(Locale.ROOT, "## %s (%,d lists)%n%n", capitalise(variant.label), lists));
      md.append(
          String.format(
              "| Recommender | HitRate@%d | MRR@%d | Catalog coverage | Diversity (categories"
                  + " per list) | Mean list length |%n",
              k, k));
      md.append("|---|---|---|---|---|---|\n");
      byRecommender.forEach(
          (name, m) ->
              md.append(
                  String.format(
                      Locale.ROOT,
                      "| %s | %.4f | %.4f | %.1f %% | %.2f | %.1f |%n",
                      name.equals(HYBRID) ? "**" + name + "**" : name,
                      m.hitRate(),
                      m.mrr(),
                      100 * m.coverage(evaluation.catalogSize()),
                      m.diversity(),
                      m.meanLength())));
      md.append('\n');
      Metrics hybrid = byRecommender.get(HYBRID);
      if (hybrid != null) {
        byRecommender.forEach(
            (name, m) -> {
              if (!name.equals(HYBRID)) {
                md.append(
                    String.format(
                        Locale.ROOT,
                        "- Hybrid vs %s: %s HitRate@%d, %s MRR@%d%n",
                        name,
                        relative(hybrid.hitRate(), m.hitRate()),
                        k,
                        relative(hybrid.mrr(), m.mrr()),
                        k));
              }
            });
        if (variant == Variant.NEXT_NEW_ITEM) {
          md.append(
              "- The seed's list holds only products the shopper already touched, so it cannot"
                  + " score on new items by construction.\n");
        }
        md.append('\n');
      }
    }
    md.append("## Settings\n\n");
    md.append("| Knob | Value |\n|---|---|\n");
    md.append("| weights | ").append(weights(settings.weights())).append(" |\n");
    row(md, "sessionGap", settings.sessionGap());
    row(md, "sessionItems", settings.sessionItems());
    row(md, "halfLife", settings.halfLife());
    row(md, "decayEpoch", settings.decayEpoch());
    row(md, "historyItems", settings.historyItems());
    row(md, "neighboursPerItem", settings.neighboursPerItem());
    row(md, "ownItemWeight", settings.ownItemWeight());
    row(md, "neighbourWeight", settings.neighbourWeight());
    row(md, "trendingWeight", settings.trendingWeight());
    row(md, "categoryAffinityWeight", settings.categoryAffinityWeight());
    row(md, "maxPerCategory", settings.maxPerCategory());
    row(md, "removedCooldown", settings.removedCooldown());
    row(md, "rebuyable", settings.rebuyable());
    md.append('\n');
    md.append(
        String.format(
            Locale.ROOT,
            "Harness: lists of %d; the popular list is the top %d by forward-decayed weighted"
                + " count, refreshed at most every %d s of event time; every product in the data"
                + " is in the catalog, active and in stock; the seed baseline weighs a view or"
                + " click +1, a cart add +3, an order +5, with a half-life of %d days.%n",
            k,
            OnlineModel.POPULAR_LIMIT,
            OnlineModel.POPULAR_REFRESH_MS / 1000,
            OnlineModel.SEED_HALF_LIFE.toDays()));
    return md.toString();
  }

  /** " (model name, N GiB)" from /proc on Linux, empty elsewhere. */
  private static String cpu() {
    try {
      String model =
          Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
              .filter(line -> line.startsWith("model name"))
              .map(line -> line.substring(line.indexOf(':') + 1).strip())
              .findFirst()
              .orElse("");
      long kib =
          Files.readAllLines(Path.of("/proc/meminfo")).stream()
              .filter(line -> line.startsWith("MemTotal:"))
              .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
              .findFirst()
              .orElse(0);
      return String.format(Locale.ROOT, " (%s, %d GiB)", model, Math.round(kib / 1048576.0));
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  static String relative(double value, double baseline) {
    if (baseline <= 0) {
      return value > 0 ? "n/a (baseline is 0)" : "n/a (both 0)";
    }
    return String.format(Locale.ROOT, "%+.0f %%", 100 * (value / baseline - 1));
  }

  private static String weights(Map<InteractionType, Double> weights) {
    List<String> parts = new ArrayList<>();
    for (InteractionType type : InteractionType.values()) {
      if (weights.containsKey(type)) {
        parts.add(type + " " + weights.get(type));
      }
    }
    return String.join(", ", parts);
  }

  private static void row(StringBuilder md, String knob, Object value) {
    md.append("| ").append(knob).append(" | ").append(value).append(" |\n");
  }

  private static String capitalise(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  /** The command line, parsed. */
  private static final class Arguments {
    Path data;
    Path out;
    Path generate;
    long seed = 42;
    String split = "test";
    int maxPoints = Options.defaults().maxPoints();
    boolean tune;
    String command;

    static Arguments parse(String[] args) {
      Arguments a = new Arguments();
      for (int i = 0; i < args.length; i++) {
        String flag = args[i];
        if (flag.equals("--tune")) {
          a.tune = true;
          continue;
        }
        if (i + 1 >= args.length) {
          throw usage(flag + " needs a value");
        }
        String value = args[++i];
        switch (flag) {
          case "--data" -> a.data = Path.of(value);
          case "--out" -> a.out = Path.of(value);
          case "--generate" -> a.generate = Path.of(value);
          case "--seed" -> a.seed = Long.parseLong(value);
          case "--max-points" -> a.maxPoints = Integer.parseInt(value);
          case "--command" -> a.command = value;
          case "--split" -> {
            if (!value.equals("test") && !value.equals("validation")) {
              throw usage("--split is test or validation");
            }
            a.split = value;
          }
          default -> throw usage("unknown argument " + flag);
        }
      }
      return a;
    }

    String command(String[] args) {
      return command != null ? command : "QualityReport " + String.join(" ", args);
    }

    private static IllegalArgumentException usage(String problem) {
      return new IllegalArgumentException(
          problem
              + "\nusage: QualityReport [--data FILE] [--out FILE.md] [--split test|validation]"
              + " [--max-points N] [--seed N] [--command TEXT] | --generate FILE [--seed N] |"
              + " --tune [--data FILE]");
    }
  }
}
