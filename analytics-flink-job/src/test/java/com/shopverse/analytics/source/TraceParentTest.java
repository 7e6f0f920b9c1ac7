package com.shopverse.analytics.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TraceParentTest {

  @Test
  void readsTheTraceIdOfAValidHeader() {
    assertThat(TraceParent.traceId("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
        .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(TraceParent.traceId("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00"))
        .as("not sampled: still the request's trace")
        .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(TraceParent.traceId("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-x"))
        .as("a later version may append fields")
        .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
  }

  @Test
  void givesNoTraceIdForAnythingElse() {
    assertThat(TraceParent.traceId(null)).isNull();
    assertThat(TraceParent.traceId("")).isNull();
    assertThat(TraceParent.traceId("00-not-a-trace-01")).isNull();
    assertThat(TraceParent.traceId("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01"))
        .as("upper case is invalid")
        .isNull();
    assertThat(TraceParent.traceId("00-00000000000000000000000000000000-00f067aa0ba902b7-01"))
        .isNull();
    assertThat(TraceParent.traceId("00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01"))
        .isNull();
    assertThat(TraceParent.traceId("ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
        .isNull();
    assertThat(TraceParent.traceId("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-x"))
        .as("version 00 has exactly four fields")
        .isNull();
  }
}
