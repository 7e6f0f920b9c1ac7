package com.shopverse.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** A part that cannot start ends "up" with a message naming it, and nothing is left running. */
@org.junit.jupiter.api.Order(0)
class StartFailureIT {

  @Test
  void aTakenPortStopsTheRunNamesThePartAndLeavesNothingRunning() throws Exception {
    Stack stack = new Stack("e2e-taken-port", 21000);
    stack.wipe();
    try (ServerSocket squatter =
        new ServerSocket(stack.port(6379), 1, InetAddress.getLoopbackAddress())) {
      Stack.Result up = stack.run("up");

      assertThat(up.exitCode()).isNotZero();
      assertThat(up.output()).contains("port " + stack.port(6379) + " for redis is taken");
      assertThat(up.output()).contains("Stopping what this run started: kafka postgres");
      // Kafka and PostgreSQL had started; both must be gone again.
      assertThat(stack.portOpen(9092)).as("Kafka still running").isFalse();
      assertThat(stack.portOpen(5432)).as("PostgreSQL still running").isFalse();
    } finally {
      stack.run("down");
    }
  }
}
