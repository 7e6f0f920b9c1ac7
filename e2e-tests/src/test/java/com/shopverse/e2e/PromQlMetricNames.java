package com.shopverse.e2e;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The metric names a PromQL expression reads, found by a small tokenizer rather than a full parser:
 * an identifier is a metric name unless it is a function or aggregation (followed by "("), a
 * keyword (by, without, on, ignoring, group_left, group_right, offset, bool, and, or, unless), or a
 * label name inside a {@code {…}} selector or a grouping list such as {@code by (le)}. String
 * literals, numbers, durations in {@code […]} and Grafana variables ({@code $__rate_interval},
 * {@code ${app}}) are skipped. Recording-rule names (with colons) are returned like any metric.
 */
final class PromQlMetricNames {

  private static final Set<String> AGGREGATIONS =
      Set.of(
          "sum",
          "min",
          "max",
          "avg",
          "group",
          "stddev",
          "stdvar",
          "count",
          "count_values",
          "bottomk",
          "topk",
          "quantile",
          "limitk",
          "limit_ratio");
  private static final Set<String> GROUPING = Set.of("by", "without", "on", "ignoring");
  private static final Set<String> KEYWORDS =
      Set.of(
          "group_left",
          "group_right",
          "offset",
          "bool",
          "and",
          "or",
          "unless",
          "inf",
          "nan",
          "atan2");

  private PromQlMetricNames() {}

  static Set<String> of(String expr) {
    Set<String> names = new LinkedHashSet<>();
    int i = 0;
    int n = expr.length();
    while (i < n) {
      char c = expr.charAt(i);
      if (c == '"' || c == '\'' || c == '`') {
        i = skipString(expr, i);
      } else if (c == '#') {
        while (i < n && expr.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '{') {
        i = skipPast(expr, i, '}');
      } else if (c == '[') {
        i = skipPast(expr, i, ']');
      } else if (c == '$') {
        i = skipVariable(expr, i + 1);
      } else if (Character.isDigit(c)
          || (c == '.' && i + 1 < n && Character.isDigit(expr.charAt(i + 1)))) {
        i = skipNumber(expr, i);
      } else if (isNameStart(c)) {
        int start = i;
        while (i < n && isNamePart(expr.charAt(i))) {
          i++;
        }
        String word = expr.substring(start, i);
        String lower = word.toLowerCase(Locale.ROOT);
        int next = skipSpace(expr, i);
        boolean call = next < n && expr.charAt(next) == '(';
        if (GROUPING.contains(lower) || lower.equals("group_left") || lower.equals("group_right")) {
          // by (a, b), on (job), group_left (instance): label names, not metrics
          i = call ? skipPast(expr, next, ')') : i;
        } else if (!call && !AGGREGATIONS.contains(lower) && !KEYWORDS.contains(lower)) {
          names.add(word);
        }
      } else {
        i++;
      }
    }
    return names;
  }

  private static boolean isNameStart(char c) {
    return Character.isLetter(c) || c == '_' || c == ':';
  }

  private static boolean isNamePart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == ':';
  }

  private static int skipSpace(String s, int i) {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /** Past the closing character, stepping over string literals (a "}" inside a label value). */
  private static int skipPast(String s, int i, char close) {
    i++;
    while (i < s.length() && s.charAt(i) != close) {
      char c = s.charAt(i);
      i = (c == '"' || c == '\'' || c == '`') ? skipString(s, i) : i + 1;
    }
    return i + 1;
  }

  private static int skipString(String s, int i) {
    char quote = s.charAt(i++);
    while (i < s.length() && s.charAt(i) != quote) {
      i += (s.charAt(i) == '\\' && quote != '`') ? 2 : 1;
    }
    return i + 1;
  }

  /** 0.99, 1e-3, 0x1f, and durations outside brackets (offset 5m, 1h30m). */
  private static int skipNumber(String s, int i) {
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isLetterOrDigit(c) || c == '.' || c == '_') {
        i++;
      } else if ((c == '+' || c == '-') && (s.charAt(i - 1) == 'e' || s.charAt(i - 1) == 'E')) {
        i++;
      } else {
        break;
      }
    }
    return i;
  }

  /** $name, $__name, ${name} or ${name:format}: Grafana's template variables. */
  private static int skipVariable(String s, int i) {
    if (i < s.length() && s.charAt(i) == '{') {
      return skipPast(s, i, '}');
    }
    while (i < s.length() && isNamePart(s.charAt(i))) {
      i++;
    }
    return i;
  }
}
