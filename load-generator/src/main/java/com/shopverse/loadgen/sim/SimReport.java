package com.shopverse.loadgen.sim;

import com.shopverse.loadgen.sim.JourneyStats.Journey;
import com.shopverse.loadgen.sim.Simulator.Outcome;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/** The run in Markdown: per journey, the sessions, the scenarios and their ground truth. */
final class SimReport {

  /** The shoppers' journeys first, in the order of a session; the scenarios' bots after. */
  static final List<String> JOURNEYS =
      List.of("login", "browse", "search", "view", "cart", "checkout", "events");

  private SimReport() {}

  static String markdown(SimOptions o, List<Scenario> scenarios, Outcome r, String loadBefore) {
    // Per second of the planned run: the answers that came in while draining were due within it.
    double seconds = o.duration().toNanos() / 1e9;
    StringBuilder b = new StringBuilder();
    b.append("## Shopper simulation, ").append(Truth.INSTANT.format(r.startedAt())).append("\n\n");
    b.append(
        String.format(
            Locale.ROOT,
            "`--gateway %s --duration %s --rate %s --seed %d --day %s%s`, %d shoppers (%.0f %% registered), %d workers, timeout %s.  %n",
            o.base(),
            SimDurations.format(o.duration()),
            Scenarios.number(o.rate()),
            o.seed(),
            SimDurations.format(o.day()),
            o.scenarios() == null ? "" : " --scenarios " + o.scenarios(),
            o.shoppers(),
            o.registeredShare() * 100,
            o.workers(),
            SimDurations.format(o.timeout())));
    b.append("Load average before the run: ")
        .append(loadBefore)
        .append("; after: ")
        .append(loadAverage())
        .append(".\n\n");
    b.append(
        String.format(
            Locale.ROOT,
            "Sessions: %d planned, %d started (%d registered), %d completed, %d cut off by the end; %d registered sessions logged in again after an earlier login failed; %d steps were due but found no free worker before the end.%n%n",
            r.sessionsPlanned(),
            r.sessionsStarted(),
            r.registeredSessions(),
            r.sessionsCompleted(),
            r.sessionsCut(),
            r.relogins(),
            r.backlog()));
    b.append(
        "Latency runs from each request's intended start (open loop); service time from when it was sent.\n\n");
    b.append(
        "| Journey | Requests | Req/s | 2xx | Not 2xx | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | service p99 ms | Not 2xx by outcome |\n");
    b.append("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|\n");
    List<String> order = new ArrayList<>(JOURNEYS);
    r.journeys().keySet().stream().filter(j -> !order.contains(j)).forEach(order::add);
    long total = 0;
    for (String name : order) {
      Journey j = r.journeys().get(name);
      if (j == null) {
        continue;
      }
      total += j.requests();
      Histogram h = j.latency();
      b.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %.1f | %d | %d | %s | %s | %s | %s | %s | %s | %s |%n",
              name,
              j.requests(),
              j.requests() / seconds,
              j.ok(),
              j.errors(),
              ms(h, 50),
              ms(h, 90),
              ms(h, 99),
              ms(h, 99.9),
              h.getTotalCount() == 0 ? "-" : millis(h.getMaxValue()),
              ms(j.service(), 99),
              outcomes(j.outcomes())));
    }
    b.append(
        String.format(
            Locale.ROOT, "%nAll journeys: %d requests, %.1f/s.%n", total, total / seconds));
    b.append("\n### Scenarios\n\n");
    if (scenarios.isEmpty()) {
      b.append("None (no `--scenarios`).\n");
    }
    for (Scenario s : scenarios) {
      b.append("- ").append(s).append('\n');
    }
    for (String note : r.notes()) {
      b.append("- note: ").append(note).append('\n');
    }
    b.append("\n### Ground truth")
        .append(o.truth() == null ? "" : " (`" + o.truth() + "`)")
        .append("\n\n");
    if (r.truth().isEmpty()) {
      b.append("No lines.\n");
    } else {
      b.append("```\n");
      r.truth().forEach(l -> b.append(l.json()).append('\n'));
      b.append("```\n");
    }
    return b.toString();
  }

  static void write(Path file, String markdown) throws IOException {
    if (file.toAbsolutePath().getParent() != null) {
      Files.createDirectories(file.toAbsolutePath().getParent());
    }
    Files.writeString(file, markdown);
  }

  private static String ms(Histogram h, double percentile) {
    return h.getTotalCount() == 0 ? "-" : millis(h.getValueAtPercentile(percentile));
  }

  private static String millis(long micros) {
    double ms = micros / 1000.0;
    return String.format(Locale.ROOT, ms < 10 ? "%.2f" : ms < 100 ? "%.1f" : "%.0f", ms);
  }

  private static String outcomes(Map<String, Long> outcomes) {
    if (outcomes.isEmpty()) {
      return "";
    }
    return outcomes.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .map(e -> e.getValue() + "× " + e.getKey())
        .collect(Collectors.joining(", "));
  }

  static String loadAverage() {
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return load < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f", load);
  }
}
