package com.shopverse.analytics.source;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the trace id out of a W3C Trace Context {@code traceparent} value ({@code
 * version-traceid-parentid-flags}). Anything that is not a valid header yields no trace id rather
 * than a wrong one: a row without a trace id is merely less traceable, a row with a made-up one
 * points somebody at the wrong trace.
 */
public final class TraceParent {

  public static final String HEADER = "traceparent";

  private static final Pattern FORMAT =
      Pattern.compile("([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?");
  private static final String ZERO_TRACE = "0".repeat(32);
  private static final String ZERO_SPAN = "0".repeat(16);

  private TraceParent() {}

  /** The 32 lowercase hex digits of the trace id, or null if {@code value} is not a traceparent. */
  public static String traceId(String value) {
    if (value == null) {
      return null;
    }
    Matcher m = FORMAT.matcher(value.strip());
    if (!m.matches()) {
      return null;
    }
    String version = m.group(1);
    // Version ff is forbidden; version 00 has exactly four fields (later versions may add more).
    if (version.equals("ff") || (version.equals("00") && m.group(5) != null)) {
      return null;
    }
    if (m.group(2).equals(ZERO_TRACE) || m.group(3).equals(ZERO_SPAN)) {
      return null;
    }
    return m.group(2);
  }
}
