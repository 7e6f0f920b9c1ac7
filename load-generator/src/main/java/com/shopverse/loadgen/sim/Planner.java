package com.shopverse.loadgen.sim;

import com.shopverse.loadgen.sim.Catalog.Product;
import com.shopverse.loadgen.sim.Population.Shopper;
import com.shopverse.loadgen.sim.Step.Event;
import com.shopverse.loadgen.sim.Step.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Every session of a run, decided before the first request from the seed alone: when each one
 * arrives (a Poisson process whose rate follows the compressed day and any flash sale, drawn by
 * thinning), which shopper it is, and what the shopper will do. Each session has its own random
 * stream (seed and index), so its steps do not depend on how many sessions came before.
 */
final class Planner {

  /** A planned session: it arrives {@code offsetNanos} after the start. */
  record Session(
      long index,
      long offsetNanos,
      Shopper shopper,
      String sessionId,
      String category,
      Scenario flashSale,
      List<Step> steps) {}

  /** A shopper's token lives 15 minutes: log in again after this. */
  static final long RELOGIN_NANOS = Duration.ofMinutes(12).toNanos();

  static final double MEAN_THINK_SECONDS = 2.0;
  private static final String[] FILTERS = {
    "",
    "",
    "&sort=price",
    "&sort=-price",
    "&sort=newest",
    "&inStock=true",
    "&minPrice=1000&maxPrice=10000"
  };

  private final Catalog catalog;
  private final Population population;
  private final DailyCurve curve;
  private final List<Scenario> flashSales;
  private final double rate;
  private final long durationNanos;
  private final long seed;

  Planner(
      Catalog catalog,
      Population population,
      DailyCurve curve,
      List<Scenario> scenarios,
      double rate,
      Duration duration,
      long seed) {
    this.catalog = catalog;
    this.population = population;
    this.curve = curve;
    this.flashSales = scenarios.stream().filter(s -> s.kind().equals(Scenario.FLASH_SALE)).toList();
    this.rate = rate;
    this.durationNanos = duration.toNanos();
    this.seed = seed;
  }

  /** The arrival rate (sessions/s) {@code offsetNanos} after the start. */
  double rateAt(long offsetNanos) {
    return rate * curve.at(offsetNanos) * flashFactor(offsetNanos);
  }

  private double flashFactor(long offsetNanos) {
    double factor = 1;
    for (Scenario s : flashSales) {
      if (s.covers(offsetNanos)) {
        factor *= s.factor();
      }
    }
    return factor;
  }

  private Scenario flashSaleAt(long offsetNanos) {
    for (Scenario s : flashSales) {
      if (s.covers(offsetNanos)) {
        return s;
      }
    }
    return null;
  }

  /** Arrival offsets (nanoseconds from the start) of every session, in order. */
  List<Long> arrivals() {
    double maxFactor = 1;
    for (Scenario s : flashSales) {
      maxFactor *= s.factor();
    }
    double ceiling = rate * DailyCurve.max() * maxFactor;
    Random random = new Random(seed);
    List<Long> arrivals = new ArrayList<>();
    double t = 0;
    while (true) {
      t += -Math.log(1 - random.nextDouble()) / ceiling * 1e9;
      if (t >= durationNanos) {
        return arrivals;
      }
      if (random.nextDouble() * ceiling < rateAt((long) t)) {
        arrivals.add((long) t);
      }
    }
  }

  List<Session> sessions() {
    List<Long> arrivals = arrivals();
    List<Session> sessions = new ArrayList<>(arrivals.size());
    Map<Integer, Long> lastLogin = new HashMap<>();
    for (int i = 0; i < arrivals.size(); i++) {
      sessions.add(session(i, arrivals.get(i), lastLogin));
    }
    return sessions;
  }

  private Session session(long index, long offset, Map<Integer, Long> lastLogin) {
    Random r = new Random(seed * 1_000_003L + index * 7_919L + 17);
    Shopper shopper = population.pick(r);
    Scenario sale = flashSaleAt(offset);
    // During a sale, the sessions above the usual rate are the sale's shoppers.
    boolean flash = sale != null && r.nextDouble() < (sale.factor() - 1) / sale.factor();
    String category =
        flash && catalog.hasCategory(sale.category())
            ? sale.category()
            : r.nextDouble() < 0.7 ? shopper.affinity : catalog.category(r);
    List<Step> steps = new ArrayList<>();
    int pending = 0;
    if (shopper.registered) {
      Long last = lastLogin.get(shopper.index);
      if (last == null || offset - last > RELOGIN_NANOS) {
        steps.add(Step.of(Kind.LOGIN, 0));
        lastLogin.put(shopper.index, offset);
      }
    }
    List<Product> cart = new ArrayList<>();
    int pages = (flash ? 4 : 3) + r.nextInt(8);
    for (int k = 0; k < pages; k++) {
      int before = steps.size();
      long think = steps.isEmpty() ? 0 : think(r);
      double x = r.nextDouble();
      if (x < 0.22) {
        String filter = FILTERS[r.nextInt(FILTERS.length)];
        steps.add(
            new Step(Kind.BROWSE, think, null, null, "category=" + category + filter, List.of()));
      } else if (x < 0.35) {
        String query = query(catalog.product(category, r), r);
        steps.add(
            new Step(
                Kind.SEARCH,
                think,
                null,
                query,
                null,
                List.of(new Event("SEARCHED", null, query, 0))));
      } else {
        Product p = r.nextDouble() < 0.85 ? catalog.product(category, r) : catalog.product(r);
        List<Event> events = new ArrayList<>();
        if (r.nextDouble() < 0.5) {
          events.add(new Event("PRODUCT_CLICKED", p, null, 0));
        }
        events.add(new Event("PRODUCT_VIEWED", p, null, 0));
        steps.add(new Step(Kind.VIEW, think, p, null, null, List.copyOf(events)));
        if (shopper.registered && r.nextDouble() < (flash ? 0.35 : 0.12)) {
          int quantity = r.nextDouble() < 0.85 ? 1 : 2;
          cart.add(p);
          steps.add(
              new Step(
                  Kind.CART_ADD,
                  think(r),
                  p,
                  null,
                  null,
                  List.of(new Event("ADDED_TO_CART", p, null, quantity))));
        }
      }
      for (Step added : steps.subList(before, steps.size())) {
        pending += added.events().size();
      }
      // A client sends its interactions in small batches, not one request per click.
      if (pending >= 3) {
        steps.add(Step.of(Kind.EVENTS, 0));
        pending = 0;
      }
    }
    if (!cart.isEmpty()) {
      if (cart.size() > 1 && r.nextDouble() < 0.3) {
        Product removed = cart.remove(cart.size() - 1);
        steps.add(
            new Step(
                Kind.CART_REMOVE,
                think(r),
                removed,
                null,
                null,
                List.of(new Event("REMOVED_FROM_CART", removed, null, 1))));
      }
      if (r.nextDouble() < (flash ? 0.6 : 0.45)) {
        steps.add(
            new Step(
                Kind.CHECKOUT,
                think(r),
                null,
                null,
                null,
                cart.stream().map(p -> new Event("PURCHASED", p, null, 1)).toList()));
      }
    }
    steps.add(Step.of(Kind.EVENTS, 0));
    return new Session(
        index,
        offset,
        shopper,
        "s-" + seed + "-" + index,
        category,
        flash ? sale : null,
        List.copyOf(steps));
  }

  /** Seconds between answers and the next click: exponential, 0.2 s to 8 s. */
  private static long think(Random r) {
    double s = -Math.log(1 - r.nextDouble()) * MEAN_THINK_SECONDS;
    return (long) (Math.max(0.2, Math.min(8, s)) * 1e9);
  }

  /** A word a shopper would type for {@code p}: one from its name, not the model number. */
  private static String query(Product p, Random r) {
    List<String> words = new ArrayList<>();
    for (String w : p.name().split("\\s+")) {
      if (w.length() >= 4 && !w.chars().allMatch(Character::isDigit)) {
        words.add(w.toLowerCase(java.util.Locale.ROOT));
      }
    }
    return words.isEmpty() ? p.id() : words.get(r.nextInt(words.size()));
  }
}
