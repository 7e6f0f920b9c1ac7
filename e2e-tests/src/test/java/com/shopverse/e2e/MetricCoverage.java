package com.shopverse.e2e;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which metric names used by queries nothing defines: not in any scrape, not made by Prometheus
 * itself, and (for recording-rule names) not recorded by any rule.
 */
final class MetricCoverage {

  /** Series Prometheus writes itself, whatever the targets expose. */
  static final Set<String> FROM_PROMETHEUS =
      Set.of(
          "up",
          "scrape_duration_seconds",
          "scrape_samples_scraped",
          "scrape_samples_post_metric_relabeling",
          "scrape_series_added",
          "ALERTS",
          "ALERTS_FOR_STATE");

  private MetricCoverage() {}

  /** The sample names of a Prometheus text exposition (histograms as _bucket, _count, _sum). */
  static Set<String> exposedNames(String exposition) {
    Set<String> names = new HashSet<>();
    for (String line : exposition.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      int end = 0;
      while (end < trimmed.length() && trimmed.charAt(end) != '{' && trimmed.charAt(end) != ' ') {
        end++;
      }
      names.add(trimmed.substring(0, end));
    }
    return names;
  }

  /**
   * Each missing metric name with the places that use it, in order of first use. A name with a
   * colon must be recorded by a rule; any other name must be exposed or recorded (a rule may give a
   * stable plain name to a Flink reporter's long one, as the ops job's rules do).
   */
  static Map<String, List<String>> missing(
      Collection<ObservabilityAsCode.Query> queries, Set<String> exposed, Set<String> recorded) {
    Map<String, List<String>> missing = new LinkedHashMap<>();
    for (ObservabilityAsCode.Query query : queries) {
      for (String name : PromQlMetricNames.of(query.text())) {
        boolean defined =
            recorded.contains(name)
                || (!name.contains(":")
                    && (exposed.contains(name) || FROM_PROMETHEUS.contains(name)));
        if (!defined) {
          missing.computeIfAbsent(name, k -> new ArrayList<>()).add(query.where());
        }
      }
    }
    return missing;
  }

  static String describe(Map<String, List<String>> missing) {
    StringBuilder text = new StringBuilder();
    missing.forEach(
        (name, uses) ->
            text.append("\n  ")
                .append(name)
                .append(name.contains(":") ? " (recording rule not defined)" : "")
                .append("  used in: ")
                .append(String.join("; ", new java.util.LinkedHashSet<>(uses))));
    return text.toString();
  }
}
