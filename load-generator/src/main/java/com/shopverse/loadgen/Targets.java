package com.shopverse.loadgen;

import java.util.List;
import java.util.OptionalLong;

/**
 * Which URL request {@code i} goes to: round-robin, or at random with a seed. A function of {@code
 * i} alone, so every connection thread can ask without sharing a random generator, and the same
 * seed gives the same sequence of URLs.
 */
final class Targets {

  private final List<Target> targets;
  private final OptionalLong seed;

  Targets(List<Target> targets, OptionalLong seed) {
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("no target");
    }
    this.targets = List.copyOf(targets);
    this.seed = seed;
  }

  List<Target> all() {
    return targets;
  }

  Target forRequest(long request) {
    if (targets.size() == 1) {
      return targets.get(0);
    }
    if (seed.isEmpty()) {
      return targets.get((int) (request % targets.size()));
    }
    return targets.get(
        (int) Long.remainderUnsigned(mix(seed.getAsLong(), request), targets.size()));
  }

  /** SplitMix64's finaliser over the seeded request number: cheap and well spread. */
  private static long mix(long seed, long request) {
    long z = seed + (request + 1) * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
