package com.shopverse.loadgen.shop;

import com.shopverse.loadgen.shop.BlockingHttp.Answer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checkout through the gateway at a constant rate, then a check that nothing was oversold.
 *
 * <ol>
 *   <li>Setup, not timed: reads the chosen products' stock, registers and logs in fresh shoppers.
 *   <li>Open loop: order {@code i} is due at {@code start + i / rate}, whatever happened before. An
 *       order is a cart add of one unit, then a checkout with a new {@code Idempotency-Key}, by a
 *       shopper with no other order in flight (one thread per shopper, each taking the next due
 *       order; so {@code --shoppers} caps the orders in flight, and a cart only ever holds the
 *       order's own unit). Latency runs from the intended start: an order that waits for a free
 *       shopper carries the wait, and one that waited longer than the timeout is given up and
 *       counted. Products are drawn in proportion to their stock, so none runs out before the whole
 *       stock is spent.
 *   <li>Verification: stock again, every shopper's orders from order-service, the outbox meters of
 *       order- and catalog-service; {@link StockCheck} decides whether anything was oversold.
 * </ol>
 *
 * Exit code 1 if anything was oversold, 2 for a bad command line, 3 if setup or verification
 * failed. Shoppers' tokens live 15 minutes (auth-service's default), which bounds a run.
 *
 * <pre>java -cp load-generator.jar com.shopverse.loadgen.shop.CheckoutLoad --gateway
 *     http://127.0.0.1:8080 --catalog http://127.0.0.1:8082 --order http://127.0.0.1:8083
 *     --shoppers 200 --rate 200 --duration 30s --products all --out checkout.md</pre>
 */
public final class CheckoutLoad {

  private static final String PASSWORD = "checkout-bench-password";
  private static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern LISTED =
      Pattern.compile("\\{\"id\":\"([^\"]+)\"[^{}]*?\"stock\":(-?\\d+)");
  private static final Pattern STOCK = Pattern.compile("\"stock\"\\s*:\\s*(-?\\d+)");
  private static final Pattern NEXT = Pattern.compile("\"next\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern LINE =
      Pattern.compile("\"productId\":\"([^\"]+)\"[^{}]*?\"quantity\":(\\d+)");
  private static final Pattern STATUS = Pattern.compile("\"status\":\"([A-Z_]+)\"");
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  record Shopper(String email, String token) {}

  /** The shoppers' orders as order-service lists them. */
  record Listed(long paid, Map<String, Long> paidUnits, Map<String, Long> otherStates) {

    static Listed of(Collection<String> pages) {
      long paid = 0;
      Map<String, Long> units = new TreeMap<>();
      Map<String, Long> others = new TreeMap<>();
      for (String page : pages) {
        // Orders are objects starting with their id; their lines have no "id".
        for (String order : page.split("\\{\"id\":\"")) {
          Matcher status = STATUS.matcher(order);
          if (!status.find()) {
            continue;
          }
          if (status.group(1).equals("PAID")) {
            paid++;
            units(order).forEach((product, n) -> units.merge(product, n, Long::sum));
          } else {
            others.merge(status.group(1), 1L, Long::sum);
          }
        }
      }
      return new Listed(paid, units, others);
    }
  }

  /**
   * Setup and verification calls (registration, stock reads, order lists) are not timed: they get
   * this long, since a stack still busy with an earlier run's backlog answered a registration (an
   * Argon2id hash) in more than the run's 5 s and the whole benchmark stopped there.
   */
  private static final Duration SETUP_TIMEOUT = Duration.ofSeconds(30);

  private static final int SETUP_ATTEMPTS = 5;

  private final CheckoutOptions options;
  private final BlockingHttp http;
  private final BlockingHttp setup;
  private final CheckoutStats stats = new CheckoutStats();
  private final ProcessCpu cpu;
  private String cpuTable = "";
  private volatile boolean cutOff;

  private CheckoutLoad(CheckoutOptions options) {
    this.options = options;
    this.http = new BlockingHttp(options.timeout(), options.shoppers() + 16);
    this.setup = new BlockingHttp(SETUP_TIMEOUT, options.shoppers() + 16);
    this.cpu = ProcessCpu.parse(options.cpu());
  }

  public static void main(String[] args) {
    if (args.length == 0 || List.of(args).contains("--help")) {
      System.out.print(CheckoutOptions.USAGE);
      System.exit(args.length == 0 ? 2 : 0);
    }
    CheckoutOptions options;
    try {
      options = CheckoutOptions.parse(args);
      ProcessCpu.parse(options.cpu());
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.print(CheckoutOptions.USAGE);
      System.exit(2);
      return;
    }
    try {
      CheckoutLoad load = new CheckoutLoad(options);
      CheckoutReport report = load.run();
      String markdown = report.markdown() + load.cpuTable + "\n";
      System.out.print(markdown);
      if (options.out() != null) {
        Files.writeString(
            Path.of(options.out()),
            markdown,
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      }
      System.exit(report.oversold() ? 1 : 0);
    } catch (IllegalStateException | IOException e) {
      System.err.println("checkout load failed: " + e.getMessage());
      System.exit(3);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      System.exit(3);
    }
  }

  private CheckoutReport run() throws InterruptedException {
    Instant started = Instant.now();
    Map<String, Integer> before = stock(chosenProducts());
    long units = before.values().stream().mapToLong(Integer::longValue).sum();
    if (units == 0) {
      throw new IllegalStateException("the chosen products have no stock: nothing to order");
    }
    System.err.printf(
        Locale.ROOT,
        "%d products, %d units in stock; registering %d shoppers …%n",
        before.size(),
        units,
        options.shoppers());
    List<Shopper> shoppers = register();
    OutboxMetrics orderBefore = outbox(options.order());
    OutboxMetrics catalogBefore = outbox(options.catalog());

    System.err.printf(
        Locale.ROOT,
        "%d orders at %s/s …%n",
        options.plannedOrders(),
        CheckoutReport.rate(options.rate()));
    Map<String, Double> cpuBefore = cpu.sample();
    Map<String, Double> compilersBefore = cpu.compilers();
    long start = placeOrders(shoppers, deck(before, new Random(1)));
    double elapsed = Math.max(options.duration().toNanos(), stats.lastDoneNanos() - start) / 1e9;
    Map<String, Double> cpuAfter = cpu.sample();
    Map<String, Double> compilersAfter = cpu.compilers();
    double wall = (System.nanoTime() - start) / 1e9;
    System.err.println("verifying stock, orders and outbox …");

    // A checkout given up on may still finish in order-service (its catalog and payment calls
    // have their own timeouts): let it, so that the stock and the orders below show its end.
    boolean unsettled = stats.uncertain() > 0 || stats.ended() < options.plannedOrders();
    TimeUnit.SECONDS.sleep(unsettled ? 15 : 1);
    Map<String, Integer> after = stock(before.keySet());
    Listed listed = listOrders(shoppers);
    // Per order placed: a checkout whose answer timed out may still have been paid (and cost it
    // all).
    long placed = Math.max(listed.paid(), stats.count(CheckoutStats.PAID));
    cpuTable = ProcessCpu.table(cpuBefore, cpuAfter, compilersBefore, compilersAfter, placed, wall);
    StockCheck check = new StockCheck(before, after, stats.answeredUnits(), listed.paidUnits());
    long expectedEvents =
        CheckoutReport.EVENTS_PER_ORDER * Math.max(listed.paid(), stats.count(CheckoutStats.PAID));
    OutboxMetrics orderLag = awaitOutbox(options.order(), orderBefore, expectedEvents);
    OutboxMetrics catalogLag = awaitOutbox(options.catalog(), catalogBefore, 0);
    return new CheckoutReport(
        options,
        DATE.format(started),
        machine(),
        System.getProperty("java.runtime.version")
            + " ("
            + System.getProperty("java.vm.name")
            + ")",
        before.size(),
        units,
        stats,
        elapsed,
        check,
        listed.paid(),
        listed.otherStates(),
        orderLag,
        catalogLag);
  }

  /** The ids given, or the catalog's in-stock products (the {@code count} with most stock). */
  private List<String> chosenProducts() {
    if (!options.products().ids().isEmpty()) {
      return options.products().ids();
    }
    Map<String, Integer> listed = new TreeMap<>();
    String after = null;
    do {
      Answer page =
          setup.get(
              options.catalog()
                  + "/api/catalog/products?inStock=true&limit=100"
                  + (after == null ? "" : "&after=" + encode(after)),
              null);
      require(page, "listing products");
      Matcher product = LISTED.matcher(page.body());
      while (product.find()) {
        listed.put(product.group(1), Integer.parseInt(product.group(2)));
      }
      Matcher next = NEXT.matcher(page.body());
      after = next.find() ? next.group(1) : null;
    } while (after != null);
    return listed.entrySet().stream()
        .filter(e -> e.getValue() > 0)
        .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
        .limit(options.products().all() ? Long.MAX_VALUE : options.products().count())
        .map(Map.Entry::getKey)
        .toList();
  }

  private Map<String, Integer> stock(Collection<String> products) {
    Map<String, Integer> stock = new TreeMap<>();
    for (String id : products) {
      Answer product = setup.get(options.catalog() + "/api/catalog/products/" + id, null);
      require(product, "reading product " + id);
      Matcher units = STOCK.matcher(product.body());
      if (!units.find()) {
        throw new IllegalStateException("product " + id + " has no stock field: " + product.body());
      }
      stock.put(id, Integer.parseInt(units.group(1)));
    }
    return stock;
  }

  /** Fresh shoppers, two at a time: each registration and login is an Argon2id hash. */
  private List<Shopper> register() throws InterruptedException {
    String run = Long.toString(System.currentTimeMillis(), 36);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Shopper>> pending = new ArrayList<>();
      for (int i = 0; i < options.shoppers(); i++) {
        String email = "checkout-" + run + "-" + i + "@bench.shopverse.dev";
        pending.add(pool.submit(() -> shopper(email)));
      }
      List<Shopper> shoppers = new ArrayList<>();
      for (Future<Shopper> shopper : pending) {
        shoppers.add(shopper.get());
      }
      return shoppers;
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Registers (an email already taken counts: an earlier attempt got through but its answer was
   * lost) and logs in, trying {@link #SETUP_ATTEMPTS} times on a timeout or a 5xx.
   */
  private Shopper shopper(String email) throws InterruptedException {
    String credentials = "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}";
    Answer failed = null;
    for (int attempt = 1; attempt <= SETUP_ATTEMPTS; attempt++) {
      Answer registered =
          setup.call("POST", options.auth() + "/api/auth/register", null, credentials);
      if (registered.ok() || registered.status() == 409) {
        Answer login = setup.call("POST", options.auth() + "/api/auth/login", null, credentials);
        Matcher token = TOKEN.matcher(login.body());
        if (login.ok() && token.find()) {
          return new Shopper(email, token.group(1));
        }
        failed = login;
      } else {
        failed = registered;
      }
      if (failed.status() >= 400 && failed.status() < 500 && failed.status() != 429) {
        break; // refused, not overloaded: trying again would not help
      }
      TimeUnit.SECONDS.sleep(attempt);
    }
    throw new IllegalStateException(
        "registering and logging in " + email + ": " + failed.outcome() + " " + failed.body());
  }

  /**
   * One thread per shopper; each takes the next due order. Returns the schedule's start (nanos).
   */
  private long placeOrders(List<Shopper> shoppers, List<String> deck) throws InterruptedException {
    long total = options.plannedOrders();
    AtomicLong next = new AtomicLong();
    // Every thread is up before the first order falls due.
    long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200 + shoppers.size());
    List<Thread> threads = new ArrayList<>();
    for (Shopper shopper : shoppers) {
      Thread thread =
          new Thread(() -> shop(shopper, deck, start, total, next), "shopper-" + threads.size());
      thread.setDaemon(true);
      thread.start();
      threads.add(thread);
    }
    // The last order is sent at most one timeout late (or given up), then makes at most three
    // calls (cart add, checkout, emptying the cart), each with a connect and a read timeout; past
    // that, and a second's grace, the run is cut off.
    long timeout = options.timeout().toNanos();
    long cutOffAt =
        start + (long) (total * 1e9 / options.rate()) + 7 * timeout + TimeUnit.SECONDS.toNanos(1);
    for (Thread thread : threads) {
      TimeUnit.NANOSECONDS.timedJoin(thread, Math.max(1, cutOffAt - System.nanoTime()));
    }
    cutOff = true;
    return start;
  }

  private void shop(Shopper shopper, List<String> deck, long start, long total, AtomicLong next) {
    long timeout = options.timeout().toNanos();
    for (long i = next.getAndIncrement(); i < total && !cutOff; i = next.getAndIncrement()) {
      long due = start + (long) (i * 1e9 / options.rate());
      for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
        LockSupport.parkNanos(wait);
      }
      long now = System.nanoTime();
      if (now - due > timeout) {
        stats.order(due, now, CheckoutStats.NOT_SENT);
        continue;
      }
      order(shopper, deck.get((int) (i % deck.size())), due);
    }
  }

  private void order(Shopper shopper, String productId, long due) {
    long cartSent = System.nanoTime();
    Answer cart =
        http.call(
            "POST",
            options.gateway() + "/api/cart/items",
            shopper.token(),
            "{\"productId\":\"" + productId + "\",\"quantity\":1}");
    long cartDone = System.nanoTime();
    stats.cartAdd(cartSent - due, cartDone - cartSent);
    if (!cart.ok()) {
      stats.order(due, cartDone, "cart add " + cart.outcome());
      emptyCart(shopper, productId);
      return;
    }
    long checkoutSent = System.nanoTime();
    Answer checkout =
        http.call(
            "POST",
            options.gateway() + "/api/checkout",
            shopper.token(),
            "{}",
            "Idempotency-Key",
            UUID.randomUUID().toString());
    long done = System.nanoTime();
    stats.checkout(done - checkoutSent);
    if (checkout.status() == 201) {
      stats.paid(due, done, units(checkout.body()));
    } else {
      stats.order(due, done, checkout.outcome());
      emptyCart(shopper, productId);
    }
  }

  /**
   * A failed checkout keeps the cart (and a timed-out cart add may still have landed): empty it, so
   * this shopper's next order holds only its own unit. Not timed; the shopper is busy meanwhile.
   */
  private void emptyCart(Shopper shopper, String productId) {
    http.call("DELETE", options.gateway() + "/api/cart/items/" + productId, shopper.token(), null);
  }

  private Listed listOrders(List<Shopper> shoppers) {
    List<String> pages = new ArrayList<>();
    for (Shopper shopper : shoppers) {
      String after = null;
      do {
        Answer page =
            setup.get(
                options.order()
                    + "/api/orders?limit=100"
                    + (after == null ? "" : "&after=" + encode(after)),
                shopper.token());
        require(page, "listing the orders of " + shopper.email());
        pages.add(page.body());
        Matcher next = NEXT.matcher(page.body());
        after = next.find() ? next.group(1) : null;
      } while (after != null);
    }
    return Listed.of(pages);
  }

  /**
   * The outbox meters over the run; for order-service, after waiting (up to 30 s) until the
   * expected events are published, so their lag is in the figures. Null if not readable.
   */
  private OutboxMetrics awaitOutbox(String service, OutboxMetrics before, long expected)
      throws InterruptedException {
    if (before == null) {
      return null;
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      OutboxMetrics now = outbox(service);
      if (now == null) {
        return null;
      }
      OutboxMetrics run = now.since(before);
      if (run.published() >= expected || System.nanoTime() > deadline) {
        return run;
      }
      TimeUnit.MILLISECONDS.sleep(500);
    }
  }

  private OutboxMetrics outbox(String service) {
    Answer metrics =
        setup.call("GET", service + "/actuator/prometheus", null, null, "Accept", "text/plain");
    return metrics.ok() ? OutboxMetrics.parse(metrics.body()) : null;
  }

  /**
   * One entry per unit in stock, shuffled: order {@code i} buys entry {@code i}, so no product is
   * asked for more units than it has until the whole stock is spent (then it starts over).
   */
  static List<String> deck(Map<String, Integer> stock, Random random) {
    List<String> deck = new ArrayList<>();
    new TreeMap<>(stock)
        .forEach((product, units) -> deck.addAll(Collections.nCopies(units, product)));
    Collections.shuffle(deck, random);
    return deck;
  }

  /** Units per product in one order's JSON (its {@code lines}). */
  static Map<String, Long> units(String orderJson) {
    Map<String, Long> units = new TreeMap<>();
    Matcher line = LINE.matcher(orderJson);
    while (line.find()) {
      units.merge(line.group(1), Long.parseLong(line.group(2)), Long::sum);
    }
    return units;
  }

  private static void require(Answer answer, String what) {
    if (!answer.ok()) {
      throw new IllegalStateException(what + ": " + answer.outcome() + " " + answer.body());
    }
  }

  private static String encode(String cursor) {
    return URLEncoder.encode(cursor, StandardCharsets.UTF_8);
  }

  private static String machine() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    String memory =
        os instanceof com.sun.management.OperatingSystemMXBean sun
            ? String.format(Locale.ROOT, ", %.1f GiB", sun.getTotalMemorySize() / 1073741824.0)
            : "";
    String cpu;
    try {
      cpu =
          Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
              .filter(line -> line.startsWith("model name"))
              .map(line -> " (" + line.substring(line.indexOf(':') + 1).trim() + ")")
              .findFirst()
              .orElse("");
    } catch (IOException e) {
      cpu = "";
    }
    return Runtime.getRuntime().availableProcessors()
        + " processors"
        + cpu
        + memory
        + ", "
        + os.getName()
        + " "
        + os.getVersion()
        + " ("
        + os.getArch()
        + ")";
  }
}
