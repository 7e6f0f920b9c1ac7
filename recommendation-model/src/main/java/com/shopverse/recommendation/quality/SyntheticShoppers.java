package com.shopverse.recommendation.quality;

import com.shopverse.events.InteractionType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;

/**
 * A synthetic but structured shop, generated from a fixed seed (same seed, same data, on any JVM:
 * {@link Random} and {@link StrictMath} are specified to the bit).
 *
 * <p>What it models, and nothing about the recommender's formula:
 *
 * <ul>
 *   <li>categories with Zipf traffic, products with Zipf popularity inside their category, three
 *       price tiers, and a few products launched during the period (popular for a few days after);
 *   <li>each product has fixed substitutes (same category, mostly the same tier) and complements
 *       (in one of two related categories): the products shoppers really move to from it;
 *   <li>shoppers with 1–3 favourite categories and a preferred tier that last across their
 *       sessions, a purchase propensity, and an active period inside the month (some appear late);
 *   <li>sessions as funnels: sometimes a search, then product views; some views lead to a click,
 *       some clicks to the cart, carts are sometimes emptied of an item and often bought at the
 *       end; from a product the shopper moves to a substitute, a complement (more likely after a
 *       cart add), back to an earlier product, or to another product of the category;
 *   <li>shoppers come back to products they clicked or carted but did not buy.
 * </ul>
 */
public final class SyntheticShoppers {

  private static final long DAY_MS = 86_400_000L;
  private static final double[] HOURS = {
    1, 0.6, 0.3, 0.2, 0.2, 0.3, 0.6, 1, 1.5, 2, 2, 2, 2.2, 2, 2, 2, 2.2, 2.5, 3, 3.5, 3.5, 3, 2.2,
    1.5
  };

  /**
   * What to generate.
   *
   * @param start the first day (UTC midnight)
   */
  public record Spec(
      long seed, int shoppers, int products, int categories, Instant start, int days) {

    /** The committed dataset: 5,000 shoppers, 2,000 products in 20 categories, March 2026. */
    public static Spec defaults(long seed) {
      return new Spec(seed, 5000, 2000, 20, Instant.parse("2026-03-02T00:00:00Z"), 30);
    }
  }

  private final Spec spec;
  private final Random random;
  private final String[] productIds;
  private final String[] categoryIds;
  private final int[] categoryOf;
  private final int[] tierOf;
  private final int[] launchDay;
  private final double[] popularity;
  private final double[] categoryTraffic;
  private final int[][] productsOf;
  private final int[][] relatedCategories;
  private final int[][] substitutes;
  private final int[][] complements;
  private final double[][][][] cumulative;
  private final List<Interaction> out = new ArrayList<>();

  private SyntheticShoppers(Spec spec) {
    this.spec = spec;
    this.random = new Random(spec.seed());
    int products = spec.products();
    int categories = spec.categories();
    productIds = new String[products];
    categoryIds = new String[categories];
    categoryOf = new int[products];
    tierOf = new int[products];
    launchDay = new int[products];
    popularity = new double[products];
    categoryTraffic = new double[categories];
    for (int c = 0; c < categories; c++) {
      categoryIds[c] = String.format("C%02d", c + 1);
      categoryTraffic[c] = 1 / StrictMath.pow(c + 1, 0.9);
    }
    int[] ids = permutation(products);
    double[] sizes = new double[categories];
    for (int c = 0; c < categories; c++) {
      sizes[c] = (0.5 + random.nextDouble()) / StrictMath.pow(c + 1, 0.3);
    }
    List<List<Integer>> members = new ArrayList<>();
    for (int c = 0; c < categories; c++) {
      members.add(new ArrayList<>());
    }
    for (int p = 0; p < products; p++) {
      productIds[p] = String.format("P%05d", ids[p] + 1);
      int c = p < categories ? p : pick(sizes);
      categoryOf[p] = c;
      tierOf[p] = random.nextInt(3);
      launchDay[p] = random.nextDouble() < 0.08 ? 2 + random.nextInt(spec.days() - 4) : 0;
      members.get(c).add(p);
    }
    productsOf = new int[categories][];
    for (int c = 0; c < categories; c++) {
      List<Integer> inCategory = members.get(c);
      Collections.shuffle(inCategory, random);
      productsOf[c] = inCategory.stream().mapToInt(Integer::intValue).toArray();
      for (int rank = 0; rank < productsOf[c].length; rank++) {
        popularity[productsOf[c][rank]] = 1 / StrictMath.pow(rank + 1, 1.0);
      }
    }
    relatedCategories = new int[categories][];
    for (int c = 0; c < categories; c++) {
      int a = otherThan(c, -1, categories);
      relatedCategories[c] = new int[] {a, otherThan(c, a, categories)};
    }
    substitutes = new int[products][];
    complements = new int[products][];
    for (int p = 0; p < products; p++) {
      substitutes[p] = partners(p, new int[] {categoryOf[p]}, 4, true);
      complements[p] = partners(p, relatedCategories[categoryOf[p]], 3, false);
    }
    cumulative = new double[spec.days()][categories][3][];
    for (int day = 0; day < spec.days(); day++) {
      for (int c = 0; c < categories; c++) {
        for (int tier = 0; tier < 3; tier++) {
          double[] sums = new double[productsOf[c].length];
          double sum = 0;
          for (int i = 0; i < sums.length; i++) {
            int p = productsOf[c][i];
            sum += popularity[p] * launchFactor(p, day) * (tierOf[p] == tier ? 2.5 : 0.6);
            sums[i] = sum;
          }
          cumulative[day][c][tier] = sums;
        }
      }
    }
  }

  /** The interactions of {@code spec}, in time order. */
  public static List<Interaction> generate(Spec spec) {
    SyntheticShoppers shop = new SyntheticShoppers(spec);
    for (int s = 0; s < spec.shoppers(); s++) {
      shop.shopper(String.format("S%05d", s + 1));
    }
    shop.out.sort(Comparator.comparingLong(Interaction::occurredMs));
    return shop.out;
  }

  private void shopper(String shopperId) {
    Shopper shopper = new Shopper();
    shopper.tier = random.nextInt(3);
    shopper.purchaseIntent = 0.15 + 0.5 * random.nextDouble();
    shopper.clickRate = 0.3 + 0.3 * random.nextDouble();
    double u = random.nextDouble();
    int favourites = u < 0.35 ? 1 : u < 0.75 ? 2 : 3;
    shopper.favourites = new int[favourites];
    shopper.liking = new double[favourites];
    double[] traffic = categoryTraffic.clone();
    for (int i = 0; i < favourites; i++) {
      shopper.favourites[i] = pick(traffic);
      traffic[shopper.favourites[i]] = 0;
      shopper.liking[i] = (i == 0 ? 2 : 1) + random.nextDouble();
    }
    double firstDay = -10 + random.nextDouble() * (spec.days() + 7);
    double from = Math.min(spec.days() - 1, Math.max(0, firstDay));
    double to = Math.min(spec.days(), Math.max(from + 1, firstDay + 7 + random.nextDouble() * 38));
    int sessions = Math.min(30, 1 + (int) StrictMath.exp(0.8 + 0.8 * random.nextGaussian()));
    long[] starts = new long[sessions];
    long origin = spec.start().toEpochMilli();
    for (int i = 0; i < sessions; i++) {
      long day = (long) (from + random.nextDouble() * (to - from));
      starts[i] = origin + day * DAY_MS + pick(HOURS) * 3_600_000L + random.nextInt(3_600_000);
    }
    Arrays.sort(starts);
    long end = Long.MIN_VALUE;
    long last = origin + spec.days() * DAY_MS;
    for (int i = 0; i < sessions; i++) {
      long start = Math.max(starts[i], end + (35 + random.nextInt(120)) * 60_000L);
      if (start >= last) {
        break;
      }
      end = session(shopperId, String.format("%s-%02d", shopperId, i + 1), shopper, start);
    }
  }

  /** One session; returns the time of its last event. */
  private long session(String shopperId, String sessionId, Shopper shopper, long start) {
    long t = start;
    int day = day(t);
    int category = sessionCategory(shopper);
    boolean intent = random.nextDouble() < shopper.purchaseIntent;
    int steps = Math.min(20, 1 + geometric(0.2));
    List<Integer> seen = new ArrayList<>();
    LinkedHashSet<Integer> cart = new LinkedHashSet<>();
    int current = -1;
    boolean carted = false;
    if (random.nextDouble() < 0.35) {
      emit(t, shopperId, sessionId, InteractionType.SEARCHED, -1, category);
      t += seconds(12);
    }
    for (int step = 0; step < steps; step++) {
      int product;
      if (step == 0) {
        if (!shopper.pending.isEmpty() && random.nextDouble() < 0.3) {
          List<Integer> pending = new ArrayList<>(shopper.pending);
          product = pending.get(pending.size() - 1 - random.nextInt(Math.min(5, pending.size())));
          category = categoryOf[product];
        } else {
          product = draw(category, shopper.tier, day);
        }
      } else {
        t += seconds(35);
        double u = random.nextDouble();
        double substitute = carted ? 0.2 : 0.35;
        double complement = carted ? 0.35 : 0.12;
        if (u < substitute) {
          product = partner(substitutes[current], day);
        } else if (u < substitute + complement) {
          product = partner(complements[current], day);
          if (product >= 0 && random.nextDouble() < 0.5) {
            category = categoryOf[product];
          }
        } else if (u < substitute + complement + 0.08 && seen.size() > 1) {
          product = seen.get(random.nextInt(seen.size()));
          if (product == current) {
            product = -1;
          }
        } else {
          product = -1;
          if (random.nextDouble() < 0.12) {
            category = sessionCategory(shopper);
          }
        }
        if (product < 0) {
          product = draw(category, shopper.tier, day);
        }
      }
      if (!seen.contains(product)) {
        seen.add(product);
      }
      emit(t, shopperId, sessionId, InteractionType.PRODUCT_VIEWED, product, categoryOf[product]);
      boolean clicked = random.nextDouble() < shopper.clickRate;
      carted = false;
      if (clicked) {
        t += seconds(15);
        emit(
            t, shopperId, sessionId, InteractionType.PRODUCT_CLICKED, product, categoryOf[product]);
        shopper.remember(product);
      }
      double toCart = clicked ? (intent ? 0.35 : 0.12) : 0.02;
      if (!cart.contains(product) && random.nextDouble() < toCart) {
        t += seconds(20);
        emit(t, shopperId, sessionId, InteractionType.ADDED_TO_CART, product, categoryOf[product]);
        cart.add(product);
        shopper.remember(product);
        carted = true;
      }
      if (!cart.isEmpty() && random.nextDouble() < 0.05) {
        List<Integer> inCart = new ArrayList<>(cart);
        int removed = inCart.get(random.nextInt(inCart.size()));
        t += seconds(10);
        emit(
            t,
            shopperId,
            sessionId,
            InteractionType.REMOVED_FROM_CART,
            removed,
            categoryOf[removed]);
        cart.remove(removed);
        shopper.pending.remove(removed);
      }
      current = product;
    }
    if (!cart.isEmpty() && random.nextDouble() < (intent ? 0.7 : 0.1)) {
      t += seconds(90);
      for (int product : cart) {
        t += 1000;
        emit(t, shopperId, sessionId, InteractionType.PURCHASED, product, categoryOf[product]);
        shopper.pending.remove(product);
      }
    }
    return t;
  }

  private void emit(
      long t, String shopperId, String sessionId, InteractionType type, int product, int category) {
    out.add(
        new Interaction(
            t,
            shopperId,
            sessionId,
            type,
            product < 0 ? "" : productIds[product],
            categoryIds[category]));
  }

  private int sessionCategory(Shopper shopper) {
    if (random.nextDouble() < 0.85) {
      return shopper.favourites[pick(shopper.liking)];
    }
    return pick(categoryTraffic);
  }

  /** A product of the category, by popularity on that day, preferring the shopper's tier. */
  private int draw(int category, int tier, int day) {
    double[] sums = cumulative[day][category][tier];
    double u = random.nextDouble() * sums[sums.length - 1];
    int i = Arrays.binarySearch(sums, u);
    return productsOf[category][Math.min(sums.length - 1, i < 0 ? -i - 1 : i)];
  }

  /** One of a product's partners, the first ones more often; -1 if not on sale yet. */
  private int partner(int[] partners, int day) {
    if (partners.length == 0) {
      return -1;
    }
    int i = Math.min(partners.length - 1, geometric(0.45));
    int product = partners[i];
    return launchFactor(product, day) > 0 ? product : -1;
  }

  private int[] partners(int product, int[] categories, int count, boolean sameTier) {
    List<Integer> pool = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    for (int c : categories) {
      for (int p : productsOf[c]) {
        if (p != product) {
          pool.add(p);
          double tierFactor = sameTier && tierOf[p] == tierOf[product] ? 3 : 1;
          weights.add(StrictMath.sqrt(popularity[p]) * tierFactor);
        }
      }
    }
    int[] picked = new int[Math.min(count, pool.size())];
    double[] w = weights.stream().mapToDouble(Double::doubleValue).toArray();
    for (int i = 0; i < picked.length; i++) {
      int j = pick(w);
      picked[i] = pool.get(j);
      w[j] = 0;
    }
    return picked;
  }

  private double launchFactor(int product, int day) {
    int launch = launchDay[product];
    if (launch == 0) {
      return 1;
    }
    return day < launch ? 0 : 1 + 4 * StrictMath.pow(0.5, (day - launch) / 4.0);
  }

  private int day(long t) {
    int day = (int) ((t - spec.start().toEpochMilli()) / DAY_MS);
    return Math.max(0, Math.min(spec.days() - 1, day));
  }

  private long seconds(double median) {
    return (long) (1000 * median * StrictMath.exp(0.7 * random.nextGaussian())) + 1000;
  }

  private int geometric(double p) {
    int n = 0;
    while (random.nextDouble() >= p && n < 1000) {
      n++;
    }
    return n;
  }

  private int pick(double[] weights) {
    double sum = 0;
    for (double w : weights) {
      sum += w;
    }
    double u = random.nextDouble() * sum;
    for (int i = 0; i < weights.length; i++) {
      u -= weights[i];
      if (u < 0) {
        return i;
      }
    }
    for (int i = weights.length - 1; i >= 0; i--) {
      if (weights[i] > 0) {
        return i;
      }
    }
    return 0;
  }

  private int otherThan(int a, int b, int n) {
    int c;
    do {
      c = random.nextInt(n);
    } while (c == a || c == b);
    return c;
  }

  private int[] permutation(int n) {
    int[] ids = new int[n];
    for (int i = 0; i < n; i++) {
      ids[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = ids[i];
      ids[i] = ids[j];
      ids[j] = swap;
    }
    return ids;
  }

  /** What a shopper keeps across sessions. */
  private static final class Shopper {
    int tier;
    double purchaseIntent;
    double clickRate;
    int[] favourites;
    double[] liking;
    final LinkedHashSet<Integer> pending = new LinkedHashSet<>();

    void remember(int product) {
      pending.remove(product);
      pending.add(product);
    }
  }
}
