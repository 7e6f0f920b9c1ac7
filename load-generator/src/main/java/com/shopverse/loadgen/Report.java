package com.shopverse.loadgen;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/** A run's figures as plain text (console), a Markdown block or one JSON line (results files). */
record Report(Result result, Options options, Environment environment, List<URI> urls) {

  private static final int SHOWN_TARGETS = 3;

  private static final double[] PERCENTILES = {50, 90, 99, 99.9};
  private static final String[] PERCENTILE_NAMES = {"p50", "p90", "p99", "p99.9"};
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  boolean passed() {
    return result.errorRate() <= options.maxErrorRate();
  }

  String text() {
    StringBuilder text = new StringBuilder();
    text.append(String.format(Locale.ROOT, "%s%n", load()));
    text.append(
        String.format(
            Locale.ROOT,
            "Scheduled %d, sent %d, achieved %s req/s; ok %d, errors %d (%s)%n",
            result.scheduled(),
            result.sent(),
            rate(result.achievedRate()),
            result.ok(),
            result.errors(),
            percent(result.errorRate())));
    if (result.errors() > 0) {
      text.append("Errors: ").append(errors()).append(System.lineSeparator());
    }
    text.append("Latency (ms, from intended start): ")
        .append(percentiles(result.latency(), "  "))
        .append(System.lineSeparator());
    text.append("Send lag (ms, intended start to written): ")
        .append(percentiles(result.sendLag(), "  "))
        .append(System.lineSeparator());
    text.append(verdict()).append(System.lineSeparator());
    return text.toString();
  }

  String markdown() {
    Histogram latency = result.latency();
    List<String> figures = new ArrayList<>();
    figures.add(rate(result.targetRate()));
    figures.add(rate(result.achievedRate()));
    figures.add(Long.toString(result.sent()));
    figures.add(Long.toString(result.ok()));
    figures.add(result.errors() + " (" + percent(result.errorRate()) + ")");
    for (double percentile : PERCENTILES) {
      figures.add(millis(latency.getValueAtPercentile(percentile)));
    }
    figures.add(millis(latency.getMaxValue()));
    String n = System.lineSeparator();
    return "### "
        + (options.label() == null ? "Open-loop run" : options.label())
        + n
        + n
        + "- Date: "
        + DATE.format(environment.date())
        + n
        + "- Machine: "
        + machine()
        + n
        + "- Java: "
        + environment.java()
        + n
        + "- Arguments: `"
        + commandLine()
        + "`"
        + n
        + "- Targets: "
        + targets()
        + n
        + "- Load: "
        + load()
        + n
        + n
        + "| Target req/s | Achieved req/s | Sent | OK | Errors | p50 ms | p90 ms | p99 ms | p99.9 ms"
        + " | max ms |"
        + n
        + "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
        + n
        + "| "
        + String.join(" | ", figures)
        + " |"
        + n
        + n
        + "- Errors: "
        + (result.errors() == 0 ? "none" : errors())
        + n
        + "- Latency runs from each request's intended start (open loop, no coordinated omission);"
        + " send lag (intended start to written): "
        + percentiles(result.sendLag(), ", ")
        + "; "
        + result.connectionsOpened()
        + " connections opened"
        + n
        + "- "
        + verdict()
        + n
        + n;
  }

  String json() {
    Histogram latency = result.latency();
    StringBuilder json = new StringBuilder("{");
    field(json, "label", options.label() == null ? null : quote(options.label()));
    field(json, "date", quote(environment.date().toString()));
    field(json, "processors", Integer.toString(environment.processors()));
    field(json, "totalMemoryBytes", Long.toString(environment.totalMemoryBytes()));
    field(json, "cpu", environment.cpu().map(Report::quote).orElse(null));
    field(json, "os", quote(environment.os()));
    field(json, "java", quote(environment.java()));
    field(
        json,
        "args",
        options.args().stream().map(Report::quote).collect(Collectors.joining(",", "[", "]")));
    field(
        json,
        "urls",
        urls.stream().map(u -> quote(u.toString())).collect(Collectors.joining(",", "[", "]")));
    field(json, "client", quote(options.client()));
    field(json, "connections", Integer.toString(options.connections()));
    field(json, "warmupSeconds", number(options.warmup().toNanos() / 1e9));
    field(json, "durationSeconds", number(options.duration().toNanos() / 1e9));
    field(json, "timeoutSeconds", number(options.timeout().toNanos() / 1e9));
    field(json, "targetRate", number(result.targetRate()));
    field(json, "achievedRate", number(result.achievedRate()));
    field(json, "scheduled", Long.toString(result.scheduled()));
    field(json, "sent", Long.toString(result.sent()));
    field(json, "ok", Long.toString(result.ok()));
    field(json, "errors", Long.toString(result.errors()));
    field(json, "errorRate", number(result.errorRate()));
    field(json, "errorsByStatus", object(result.errorStatuses()));
    field(json, "errorsByException", object(result.exceptions()));
    field(json, "timeouts", Long.toString(result.timeouts()));
    field(json, "expired", Long.toString(result.expired()));
    field(json, "unfinished", Long.toString(result.unfinished()));
    field(json, "connectionsOpened", Long.toString(result.connectionsOpened()));
    StringBuilder millis = new StringBuilder("{");
    for (int i = 0; i < PERCENTILES.length; i++) {
      field(millis, PERCENTILE_NAMES[i], millis(latency.getValueAtPercentile(PERCENTILES[i])));
    }
    field(millis, "max", millis(latency.getMaxValue()));
    field(json, "latencyMs", millis.append('}').toString());
    field(json, "sendLagP99Ms", millis(result.sendLag().getValueAtPercentile(99)));
    field(json, "passed", Boolean.toString(passed()));
    return json.append('}').append(System.lineSeparator()).toString();
  }

  /** Appends the Markdown block, or the JSON line if the file name ends in {@code .json}. */
  void appendTo(Path file) throws IOException {
    String block = file.getFileName().toString().endsWith(".json") ? json() : markdown();
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(
        file, block, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  /** The URLs, or the first few and how many when a list would flood the report. */
  private String targets() {
    String first =
        urls.stream().limit(SHOWN_TARGETS).map(URI::toString).collect(Collectors.joining(", "));
    return urls.size() <= SHOWN_TARGETS ? first : first + " … (" + urls.size() + " URLs)";
  }

  private String load() {
    return String.format(
        Locale.ROOT,
        "%s req/s for %s after a %s warm-up (sent, not recorded); %d connections (max in flight),"
            + " timeout %s, %s client",
        rate(options.rate()),
        Durations.format(options.duration()),
        Durations.format(options.warmup()),
        options.connections(),
        Durations.format(options.timeout()),
        options.client());
  }

  private String machine() {
    return environment.processors()
        + " processors"
        + environment.cpu().map(cpu -> " (" + cpu + ")").orElse("")
        + ", "
        + String.format(Locale.ROOT, "%.1f GiB", environment.totalMemoryBytes() / 1073741824.0)
        + " total memory, "
        + environment.os();
  }

  private String errors() {
    List<String> parts = new ArrayList<>();
    result
        .errorStatuses()
        .forEach((status, count) -> parts.add("status " + status + " × " + count));
    result.exceptions().forEach((name, count) -> parts.add(name + " × " + count));
    if (result.timeouts() > 0) {
      parts.add("timeouts × " + result.timeouts());
    }
    if (result.expired() > 0) {
      parts.add("expired waiting for a connection × " + result.expired());
    }
    if (result.unfinished() > 0) {
      parts.add("unfinished at the cut-off × " + result.unfinished());
    }
    return String.join(", ", parts);
  }

  private String verdict() {
    return String.format(
        Locale.ROOT,
        "Error rate %s %s maximum %s: %s",
        percent(result.errorRate()),
        passed() ? "within" : "above",
        percent(options.maxErrorRate()),
        passed() ? "pass" : "FAIL");
  }

  private static String percentiles(Histogram histogram, String separator) {
    if (histogram.getTotalCount() == 0) {
      return "none recorded";
    }
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < PERCENTILES.length; i++) {
      parts.add(PERCENTILE_NAMES[i] + " " + millis(histogram.getValueAtPercentile(PERCENTILES[i])));
    }
    parts.add("max " + millis(histogram.getMaxValue()));
    return String.join(separator, parts);
  }

  /** The arguments as they could be typed again in a shell. */
  String commandLine() {
    return options.args().stream().map(Report::shellQuote).collect(Collectors.joining(" "));
  }

  private static String shellQuote(String arg) {
    return arg.matches("[A-Za-z0-9_./:=@%+,-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'";
  }

  /** Nanoseconds as milliseconds to three significant digits, e.g. 0.143, 20.4, 503. */
  static String millis(long nanos) {
    if (nanos == 0) {
      return "0";
    }
    return new BigDecimal(nanos / 1e6)
        .round(new MathContext(3))
        .stripTrailingZeros()
        .toPlainString();
  }

  static String rate(double rate) {
    return new BigDecimal(rate).round(new MathContext(5)).stripTrailingZeros().toPlainString();
  }

  private static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.2f %%", fraction * 100);
  }

  private static String number(double value) {
    return Double.isFinite(value) ? Double.toString(value) : "null";
  }

  private static void field(StringBuilder json, String name, String value) {
    if (value == null) {
      return;
    }
    if (json.length() > 1) {
      json.append(',');
    }
    json.append(quote(name)).append(':').append(value);
  }

  private static String object(Map<?, Long> counts) {
    return counts.entrySet().stream()
        .map(e -> quote(e.getKey().toString()) + ":" + e.getValue())
        .collect(Collectors.joining(",", "{", "}"));
  }

  static String quote(String text) {
    StringBuilder quoted = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        case '\n' -> quoted.append("\\n");
        case '\r' -> quoted.append("\\r");
        case '\t' -> quoted.append("\\t");
        default -> {
          if (c < 0x20) {
            quoted.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            quoted.append(c);
          }
        }
      }
    }
    return quoted.append('"').toString();
  }
}
