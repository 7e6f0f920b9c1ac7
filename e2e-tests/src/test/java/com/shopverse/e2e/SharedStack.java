package com.shopverse.e2e;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one stack the end-to-end classes share (starting it costs about a minute): started by the
 * first class that asks, on ports offset by 20000 and a state folder under target/, and stopped by
 * {@link StackShutdownIT}, which runs last. A shutdown hook stops it should a run end early.
 */
final class SharedStack {

  private static Stack stack;

  private SharedStack() {}

  static synchronized Stack get() {
    if (stack == null) {
      Stack starting = new Stack("e2e-stack", 20000);
      starting.run("down");
      starting.wipe();
      Stack.Result up = starting.run("up");
      assertThat(up.exitCode()).as(up.output()).isZero();
      assertThat(up.output()).contains("ShopVerse is up");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> starting.run("down")));
      stack = starting;
    }
    return stack;
  }
}
