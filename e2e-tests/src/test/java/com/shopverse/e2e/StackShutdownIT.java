package com.shopverse.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Runs last: a second "up" changes nothing, and "down" leaves nothing running. */
@Order(Integer.MAX_VALUE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StackShutdownIT {

  @Test
  @Order(1)
  void aSecondUpStartsNoSecondCopy() {
    Stack stack = SharedStack.get();
    List<Long> before = stack.livePids();

    Stack.Result again = stack.run("up");

    assertThat(again.exitCode()).isZero();
    assertThat(again.output()).contains("already running");
    assertThat(stack.livePids()).containsExactlyInAnyOrderElementsOf(before);
  }

  @Test
  @Order(2)
  void downLeavesNothingRunning() {
    Stack stack = SharedStack.get();
    List<Long> running = stack.livePids();
    // kafka, postgres, redis, clickhouse, the two Flink jobs and the six services.
    assertThat(running).hasSize(12);

    Stack.Result down = stack.run("down");

    assertThat(down.exitCode()).isZero();
    assertThat(running).as("processes left running after down").noneMatch(Stack::alive);
    assertThat(Stack.PORTS)
        .as("ports still open after down")
        .noneMatch(base -> stack.portOpen(base));
  }
}
