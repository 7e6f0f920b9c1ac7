package com.shopverse.loadgen.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The simulated shoppers, fixed by the seed: who is registered, each one's favourite category,
 * device and client address (a distinct 10.x.y.z, sent as X-Forwarded-For).
 */
final class Population {

  static final String PASSWORD = "simulated-shopper-2026";
  private static final String[] SOURCES = {"web", "web", "web", "ios", "android"};

  /** One shopper; {@code token} and {@code tokenAt} are set when a login succeeds. */
  static final class Shopper {
    final int index;
    final boolean registered;
    final String email;
    final String anonymousId;
    final String address;
    final String affinity;
    final String source;
    volatile String token;

    /** Whether the account is known to exist (registered in this run, or found taken). */
    volatile boolean accountKnown;

    Shopper(
        int index,
        boolean registered,
        String email,
        String anonymousId,
        String address,
        String affinity,
        String source) {
      this.index = index;
      this.registered = registered;
      this.email = email;
      this.anonymousId = anonymousId;
      this.address = address;
      this.affinity = affinity;
      this.source = source;
    }

    @Override
    public String toString() {
      return registered ? email : anonymousId;
    }
  }

  private final List<Shopper> shoppers;

  Population(int size, double registeredShare, Catalog catalog, long seed) {
    Random random = new Random(seed * 31 + 7);
    List<Shopper> all = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      boolean registered = random.nextDouble() < registeredShare;
      all.add(
          new Shopper(
              i,
              registered,
              // Seed in the name: another seed is another population, and a rerun logs the same
              // shoppers back in (a 409 on register means they exist already).
              "sim-" + seed + "-" + i + "@sim.shopverse.dev",
              "a-" + seed + "-" + i,
              address(i),
              catalog.category(random),
              SOURCES[random.nextInt(SOURCES.length)]));
    }
    this.shoppers = List.copyOf(all);
  }

  /** 10.0.0.1, 10.0.0.2, ...: one client address per shopper. */
  static String address(int index) {
    int n = index + 1;
    return "10." + ((n >> 16) & 255) + "." + ((n >> 8) & 255) + "." + (n & 255);
  }

  Shopper pick(Random random) {
    return shoppers.get(random.nextInt(shoppers.size()));
  }

  Shopper get(int index) {
    return shoppers.get(index);
  }

  List<Shopper> all() {
    return shoppers;
  }
}
