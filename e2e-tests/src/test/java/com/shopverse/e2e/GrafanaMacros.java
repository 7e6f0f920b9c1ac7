package com.shopverse.e2e;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The grafana-clickhouse-datasource macros the dashboards use, replaced by literal values as the
 * plugin would, so the SQL can be run against a real ClickHouse.
 */
final class GrafanaMacros {

  private static final Pattern TIME_FILTER =
      Pattern.compile("\\$__timeFilter\\(\\s*([^)]+?)\\s*\\)");

  private GrafanaMacros() {}

  static String expand(String sql, long fromEpochSeconds, long toEpochSeconds) {
    String from = "toDateTime(" + fromEpochSeconds + ")";
    String to = "toDateTime(" + toEpochSeconds + ")";
    Matcher m = TIME_FILTER.matcher(sql);
    String expanded =
        m.replaceAll(
            r ->
                Matcher.quoteReplacement(
                    r.group(1) + " >= " + from + " AND " + r.group(1) + " <= " + to));
    expanded =
        expanded
            .replace("$__fromTime", from)
            .replace("$__toTime", to)
            .replace("$__interval_s", "60");
    if (expanded.contains("$")) {
      throw new IllegalArgumentException("unknown Grafana macro or variable in: " + sql);
    }
    return expanded;
  }
}
