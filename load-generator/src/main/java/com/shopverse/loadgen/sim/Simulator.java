package com.shopverse.loadgen.sim;

import com.shopverse.loadgen.sim.Catalog.Product;
import com.shopverse.loadgen.sim.JourneyStats.Journey;
import com.shopverse.loadgen.sim.Planner.Session;
import com.shopverse.loadgen.sim.Population.Shopper;
import com.shopverse.loadgen.sim.SimHttp.Answer;
import com.shopverse.loadgen.sim.Step.Event;
import com.shopverse.loadgen.sim.Step.Kind;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Runs a planned day of shoppers against the gateway, open loop: every session's first step is due
 * at its planned arrival whatever the gateway did before, and each later step a think time after
 * the previous answer (a shopper waits for the page, then clicks). Every step is one task in a
 * delay queue; {@code workers} threads take whichever is due first and send it, so a request that
 * waits for a free worker carries that wait in its latency, measured from when it was due. The bots
 * of the scenarios are tasks at their own constant rate in the same queue.
 */
final class Simulator {

  /** What happened in a run. */
  record Outcome(
      Instant startedAt,
      Duration elapsed,
      Map<String, Journey> journeys,
      long sessionsPlanned,
      long sessionsStarted,
      long registeredSessions,
      long sessionsCompleted,
      long sessionsCut,
      long relogins,
      long backlog,
      List<String> notes,
      List<Truth.Line> truth) {}

  static final String BOT_VIEWS_ADDRESS = "198.51.100.7";
  static final String PASSWORD_BOT_ADDRESS = "198.51.100.9";
  static final String ERROR_BURST_ADDRESS = "198.51.100.11";
  private static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
  private static final long START_DELAY_NANOS = TimeUnit.MILLISECONDS.toNanos(300);

  private final SimOptions options;
  private final Catalog catalog;
  private final Population population;
  private final List<Scenario> scenarios;
  private final Planner planner;
  private final DailyCurve curve;
  private final Truth truth;
  private final PrintStream log;
  private final SimHttp http;
  private final JourneyStats stats = new JourneyStats();
  private final DelayQueue<Task> queue = new DelayQueue<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicLong started = new AtomicLong();
  private final AtomicLong registered = new AtomicLong();
  private final AtomicLong completed = new AtomicLong();
  private final AtomicLong cut = new AtomicLong();
  private final AtomicLong relogins = new AtomicLong();
  private final List<String> notes = new CopyOnWriteArrayList<>();

  /** Unique per run: event ids and idempotency keys must not repeat a previous run's. */
  private final String nonce = Long.toString(System.currentTimeMillis(), 36);

  private volatile boolean stopped;
  private long startNanos;
  private long endNanos;
  private Instant startInstant;

  Simulator(
      SimOptions options, Catalog catalog, List<Scenario> scenarios, Truth truth, PrintStream log) {
    this.options = options;
    this.catalog = catalog;
    this.scenarios = scenarios;
    this.truth = truth;
    this.log = log;
    this.curve = new DailyCurve(options.day());
    this.population =
        new Population(options.shoppers(), options.registeredShare(), catalog, options.seed());
    this.planner =
        new Planner(
            catalog,
            population,
            curve,
            scenarios,
            options.rate(),
            options.duration(),
            options.seed());
    this.http =
        new SimHttp(options.base(), options.timeout(), options.workers(), options.forwardedFor());
  }

  Outcome run() throws InterruptedException {
    List<Session> sessions = planner.sessions();
    startNanos = System.nanoTime() + START_DELAY_NANOS;
    startInstant = Instant.now().plusNanos(startNanos - System.nanoTime());
    long durationNanos = options.duration().toNanos();
    endNanos = startNanos + durationNanos;
    for (Session s : sessions) {
      queue.add(new SessionTask(s, 0, new ArrayList<>(), startNanos + s.offsetNanos()));
    }
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(daemon("sim-timer"));
    List<Pauser.Paused> paused = new CopyOnWriteArrayList<>();
    try {
      scheduleScenarios(timer, durationNanos, paused);
      scheduleDailyPeaks(timer, durationNanos);
      List<Thread> workers = new ArrayList<>();
      for (int i = 0; i < options.workers(); i++) {
        Thread t = daemon("sim-worker-" + i).newThread(this::work);
        t.start();
        workers.add(t);
      }
      long nextLog = startNanos + TimeUnit.SECONDS.toNanos(60);
      while (System.nanoTime() < endNanos) {
        Thread.sleep(
            Math.max(
                1, Math.min(1000, (Math.min(endNanos, nextLog) - System.nanoTime()) / 1_000_000)));
        if (System.nanoTime() >= nextLog) {
          progress();
          nextLog += TimeUnit.SECONDS.toNanos(60);
        }
      }
      stopped = true;
      // Requests in flight get their answer or their timeout; then the workers go.
      long drain =
          System.nanoTime() + options.timeout().toNanos() * 3 + TimeUnit.SECONDS.toNanos(1);
      while (inFlight.get() > 0 && System.nanoTime() < drain) {
        Thread.sleep(20);
      }
      for (Thread t : workers) {
        t.join(Math.max(1, (drain - System.nanoTime()) / 1_000_000));
      }
      for (Task t; (t = queue.poll()) != null; ) {
        if (t.due < endNanos) {
          stats.notSent();
        }
      }
      timer.shutdown();
      timer.awaitTermination(5, TimeUnit.SECONDS);
    } finally {
      timer.shutdownNow();
      paused.forEach(Pauser.Paused::resume);
    }
    return new Outcome(
        startInstant,
        Duration.ofNanos(Math.max(durationNanos, System.nanoTime() - startNanos)),
        stats.snapshot(),
        sessions.size(),
        started.get(),
        registered.get(),
        completed.get(),
        cut.get(),
        relogins.get(),
        stats.backlog(),
        List.copyOf(notes),
        truth.lines());
  }

  private void work() {
    while (true) {
      Task task;
      try {
        task = queue.poll(100, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        return;
      }
      if (task == null) {
        if (stopped) {
          return;
        }
        continue;
      }
      if (stopped) {
        if (task.due < endNanos) {
          stats.notSent();
        }
        continue;
      }
      inFlight.incrementAndGet();
      try {
        task.run();
      } catch (RuntimeException e) {
        notes.add("a task failed: " + e);
      } finally {
        inFlight.decrementAndGet();
      }
    }
  }

  private void progress() {
    long requests = 0;
    long errors = 0;
    for (Journey j : stats.snapshot().values()) {
      requests += j.requests();
      errors += j.errors();
    }
    log.printf(
        Locale.ROOT,
        "%s in: %d sessions started, %d requests, %d not 2xx, %d in flight%n",
        SimDurations.format(Duration.ofNanos(System.nanoTime() - startNanos).withNanos(0)),
        started.get(),
        requests,
        errors,
        inFlight.get());
  }

  // ------------------------------------------------------------------ scenarios and truth

  private void scheduleScenarios(
      ScheduledExecutorService timer, long durationNanos, List<Pauser.Paused> paused) {
    for (Scenario s : scenarios) {
      if (s.startNanos() >= durationNanos) {
        notes.add(s + ": not injected, it starts after the run's end");
        continue;
      }
      long end = Math.min(s.endNanos(), durationNanos);
      switch (s.kind()) {
        case Scenario.BOT_VIEWS, Scenario.PASSWORD_BOT, Scenario.ERROR_BURST -> {
          long count = (long) Math.floor((end - s.startNanos()) * s.rate() / 1e9);
          for (long k = 0; k < count; k++) {
            queue.add(
                new BotTask(s, k, startNanos + s.startNanos() + Math.round(k * 1e9 / s.rate())));
          }
        }
        case Scenario.SLOW_DEPENDENCY -> {
          Pauser pauser = new Pauser(options.stackHome());
          at(timer, s.startNanos(), () -> pause(pauser, s, end, timer, paused));
          continue;
        }
        default -> {
          // a flash sale is in the planned arrivals already
        }
      }
      at(timer, end, () -> truth.write(line(s, s.startNanos(), end)));
    }
  }

  private void pause(
      Pauser pauser,
      Scenario s,
      long end,
      ScheduledExecutorService timer,
      List<Pauser.Paused> all) {
    if (!options.gateway().getHost().equals("127.0.0.1")
        && !options.gateway().getHost().equals("localhost")) {
      notes.add(s + ": not injected, the gateway is not on loopback");
      return;
    }
    try {
      Pauser.Paused p = pauser.pause(s.part());
      all.add(p);
      Instant from = Instant.now();
      log.println("slow-dependency: SIGSTOP " + s.part() + " (pid " + p.pid + ")");
      at(
          timer,
          end,
          () -> {
            p.resume();
            log.println("slow-dependency: SIGCONT " + s.part() + " (pid " + p.pid + ")");
            truth.write(
                new Truth.Line(
                    s.kind(),
                    from,
                    Instant.now(),
                    s.series(),
                    s.part(),
                    "SIGSTOP of "
                        + s.part()
                        + " (pid "
                        + p.pid
                        + ", its process group) then SIGCONT"));
          });
    } catch (IOException | RuntimeException e) {
      notes.add(s + ": not injected: " + e.getMessage());
      log.println("slow-dependency: not injected: " + e.getMessage());
    }
  }

  private Truth.Line line(Scenario s, long from, long to) {
    String key;
    String detail;
    Map<String, List<String>> keys = Map.of();
    switch (s.kind()) {
      case Scenario.FLASH_SALE -> {
        key = "*";
        // The sale's own products are what its views lift, each far above its usual count: those
        // per-product flags are the sale, any other product's are not.
        List<Catalog.Product> sale = catalog.ranking(s.category());
        keys =
            Map.of(
                "product.views",
                sale == null ? List.of() : sale.stream().map(Catalog.Product::id).toList());
        detail =
            "session arrivals x"
                + Scenarios.number(s.factor())
                + ", the extra shoppers in "
                + s.category()
                + " (more carts and checkouts)";
      }
      case Scenario.BOT_VIEWS -> {
        key = s.product();
        detail =
            "anonymous shopper "
                + botId()
                + " at "
                + BOT_VIEWS_ADDRESS
                + " viewed "
                + s.product()
                + " "
                + Scenarios.number(s.rate())
                + "/s (a GET and a PRODUCT_VIEWED event each); answers "
                + outcomes("bot-views");
      }
      case Scenario.PASSWORD_BOT -> {
        key = PASSWORD_BOT_ADDRESS;
        detail =
            "logins with wrong passwords for "
                + victims().stream().map(v -> v.email).collect(Collectors.joining(", "))
                + " from "
                + PASSWORD_BOT_ADDRESS
                + ", "
                + Scenarios.number(s.rate())
                + "/s; answers "
                + outcomes("password-bot");
      }
      default -> {
        key = "*";
        detail =
            "malformed requests (bad events, a page size over 100, broken JSON) from "
                + ERROR_BURST_ADDRESS
                + ", "
                + Scenarios.number(s.rate())
                + "/s; answers "
                + outcomes("error-burst");
      }
    }
    return new Truth.Line(s.kind(), instant(from), instant(to), s.series(), key, detail, keys);
  }

  private void scheduleDailyPeaks(ScheduledExecutorService timer, long durationNanos) {
    long[] peak = curve.peakWithinDay();
    long day = curve.dayNanos();
    for (long d = 0; d * day + peak[1] <= durationNanos; d++) {
      long from = d * day + peak[0];
      long to = d * day + peak[1];
      double peakRate = options.rate() * DailyCurve.max();
      String detail =
          String.format(
              Locale.ROOT,
              "expected peak rate %.1f sessions/s (x%.2f the mean %s/s) at %s-%s of day %d",
              peakRate,
              DailyCurve.max(),
              Scenarios.number(options.rate()),
              curve.clock(peak[0]),
              curve.clock(peak[1]),
              d + 1);
      at(
          timer,
          to,
          () ->
              truth.write(
                  new Truth.Line(
                      "daily-peak",
                      instant(from),
                      instant(to),
                      List.of("events.PRODUCT_VIEWED", "orders"),
                      "*",
                      detail)));
    }
  }

  private void at(ScheduledExecutorService timer, long offsetNanos, Runnable action) {
    timer.schedule(
        () -> {
          try {
            action.run();
          } catch (RuntimeException e) {
            notes.add("a scheduled action failed: " + e);
          }
        },
        Math.max(0, startNanos + offsetNanos - System.nanoTime()),
        TimeUnit.NANOSECONDS);
  }

  private Instant instant(long offsetNanos) {
    return startInstant.plusNanos(offsetNanos);
  }

  private String outcomes(String journey) {
    Journey j = stats.snapshot().get(journey);
    if (j == null) {
      return "none";
    }
    StringBuilder b = new StringBuilder();
    if (j.ok() > 0) {
      b.append(j.ok()).append(" 2xx");
    }
    j.outcomes()
        .forEach((o, n) -> b.append(b.isEmpty() ? "" : ", ").append(n).append(" ").append(o));
    return b.toString();
  }

  private String botId() {
    return "a-bot-" + options.seed();
  }

  /** The password-bot's targets: the first three registered shoppers (or made-up accounts). */
  private List<Shopper> victims() {
    List<Shopper> v = population.all().stream().filter(s -> s.registered).limit(3).toList();
    return v.isEmpty() ? population.all().subList(0, 1) : v;
  }

  // ------------------------------------------------------------------ tasks

  private abstract static class Task implements Delayed {
    final long due;

    Task(long due) {
      this.due = due;
    }

    abstract void run();

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(due - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    @Override
    public int compareTo(Delayed other) {
      return Long.compare(due, ((Task) other).due);
    }
  }

  private final class SessionTask extends Task {
    private final Session session;
    private final int step;
    private final List<Event> buffer;

    SessionTask(Session session, int step, List<Event> buffer, long due) {
      super(due);
      this.session = session;
      this.step = step;
      this.buffer = buffer;
    }

    @Override
    void run() {
      if (step == 0) {
        started.incrementAndGet();
        if (session.shopper().registered) {
          registered.incrementAndGet();
        }
      }
      List<Step> steps = session.steps();
      Shopper shopper = session.shopper();
      long at = due;
      if (step == 0
          && shopper.registered
          && shopper.token == null
          && steps.get(0).kind() != Kind.LOGIN) {
        // An earlier login of this shopper failed (or is still under way): the app asks again
        // rather than sending its cart without a token. Not in the plan: it depends on answers.
        at = login(shopper, due);
        relogins.incrementAndGet();
      }
      long done = execute(session, steps.get(step), at, buffer);
      int next = step + 1;
      while (next < steps.size() && steps.get(next).kind() == Kind.EVENTS && buffer.isEmpty()) {
        next++;
      }
      if (next >= steps.size()) {
        completed.incrementAndGet();
        return;
      }
      long nextDue = done + steps.get(next).thinkNanos();
      if (nextDue >= endNanos) {
        cut.incrementAndGet();
        return;
      }
      queue.add(new SessionTask(session, next, buffer, nextDue));
    }
  }

  private final class BotTask extends Task {
    private final Scenario scenario;
    private final long k;

    BotTask(Scenario scenario, long k, long due) {
      super(due);
      this.scenario = scenario;
      this.k = k;
    }

    @Override
    void run() {
      switch (scenario.kind()) {
        case Scenario.BOT_VIEWS -> {
          Product p = catalog.byId(scenario.product());
          Answer view =
              send(
                  "bot-views",
                  due,
                  "GET",
                  "/api/catalog/products/" + scenario.product(),
                  BOT_VIEWS_ADDRESS,
                  null,
                  null);
          Product viewed =
              p != null ? p : new Product(scenario.product(), scenario.product(), null, 0);
          String event =
              eventJson(
                  new Event("PRODUCT_VIEWED", viewed, null, 0),
                  botId(),
                  "s-bot-" + options.seed(),
                  "web");
          send(
              "bot-views", view.doneNanos(), "POST", "/api/events", BOT_VIEWS_ADDRESS, null, event);
        }
        case Scenario.PASSWORD_BOT -> {
          List<Shopper> victims = victims();
          Shopper victim = victims.get((int) (k % victims.size()));
          send(
              "password-bot",
              due,
              "POST",
              "/api/auth/login",
              PASSWORD_BOT_ADDRESS,
              null,
              credentials(victim.email, "guess-" + k + "-" + nonce));
        }
        default -> {
          switch ((int) (k % 3)) {
            case 0 ->
                send(
                    "error-burst",
                    due,
                    "POST",
                    "/api/events",
                    ERROR_BURST_ADDRESS,
                    null,
                    "{\"type\":\"PRODUCT_TELEPORTED\",\"anonymousId\":\"a-broken-client\"}");
            case 1 ->
                send(
                    "error-burst",
                    due,
                    "GET",
                    "/api/catalog/products?limit=1000",
                    ERROR_BURST_ADDRESS,
                    null,
                    null);
            default ->
                send(
                    "error-burst",
                    due,
                    "POST",
                    "/api/events/batch",
                    ERROR_BURST_ADDRESS,
                    null,
                    "[{\"type\":");
          }
        }
      }
    }
  }

  // ------------------------------------------------------------------ a shopper's steps

  /** Sends the step; returns when its (last) answer came. */
  private long execute(Session s, Step step, long due, List<Event> buffer) {
    Shopper shopper = s.shopper();
    String token = shopper.registered ? shopper.token : null;
    String ip = shopper.address;
    Answer answer;
    switch (step.kind()) {
      case LOGIN -> {
        return login(shopper, due);
      }
      case BROWSE ->
          answer =
              send(
                  "browse",
                  due,
                  "GET",
                  "/api/catalog/products?limit=20&" + step.filter(),
                  ip,
                  token,
                  null);
      case SEARCH ->
          answer =
              send(
                  "search",
                  due,
                  "GET",
                  "/api/catalog/products?limit=20&q=" + encode(step.query()),
                  ip,
                  token,
                  null);
      case VIEW ->
          answer =
              send(
                  "view",
                  due,
                  "GET",
                  "/api/catalog/products/" + step.product().id(),
                  ip,
                  token,
                  null);
      case CART_ADD ->
          answer =
              send(
                  "cart",
                  due,
                  "POST",
                  "/api/cart/items",
                  ip,
                  token,
                  "{\"productId\":\""
                      + step.product().id()
                      + "\",\"quantity\":"
                      + step.events().get(0).quantity()
                      + "}");
      case CART_REMOVE ->
          answer =
              send(
                  "cart", due, "DELETE", "/api/cart/items/" + step.product().id(), ip, token, null);
      case CHECKOUT ->
          answer =
              send(
                  "checkout",
                  due,
                  "POST",
                  "/api/checkout",
                  ip,
                  token,
                  "{}",
                  "Idempotency-Key",
                  UUID.nameUUIDFromBytes(
                          (nonce + "/" + s.sessionId() + "/" + due)
                              .getBytes(StandardCharsets.UTF_8))
                      .toString());
      default -> {
        String anonymous = token == null ? shopper.anonymousId : null;
        List<String> events =
            buffer.stream()
                .map(e -> eventJson(e, anonymous, s.sessionId(), shopper.source))
                .toList();
        buffer.clear();
        answer =
            events.size() == 1
                ? send("events", due, "POST", "/api/events", ip, token, events.get(0))
                : send(
                    "events",
                    due,
                    "POST",
                    "/api/events/batch",
                    ip,
                    token,
                    "[" + String.join(",", events) + "]");
        return answer.doneNanos();
      }
    }
    if (answer.ok()) {
      buffer.addAll(step.events());
    }
    return answer.doneNanos();
  }

  /** Logs in; a shopper the stack does not know yet registers first (then logs in). */
  private long login(Shopper shopper, long due) {
    String body = credentials(shopper.email, Population.PASSWORD);
    long at = due;
    if (!shopper.accountKnown) {
      // Register before the first login (201, or 409 when an earlier run made the account): a
      // login that fails on purpose would count as a wrong password at auth-service and in the
      // gateway's login limits, and blur the password-bot scenario.
      Answer register =
          send("login", at, "POST", "/api/auth/register", shopper.address, null, body);
      if (!register.ok() && register.status() != 409) {
        return register.doneNanos();
      }
      shopper.accountKnown = true;
      at = register.doneNanos();
    }
    Answer login = send("login", at, "POST", "/api/auth/login", shopper.address, null, body);
    if (login.ok()) {
      Matcher m = TOKEN.matcher(login.body());
      if (m.find()) {
        shopper.token = m.group(1);
      }
    }
    return login.doneNanos();
  }

  private Answer send(
      String journey,
      long intended,
      String method,
      String path,
      String ip,
      String token,
      String json,
      String... headers) {
    Answer answer = http.call(method, path, ip, token, json, headers);
    stats.record(journey, intended, answer);
    return answer;
  }

  private final AtomicLong eventCounter = new AtomicLong();

  private String eventJson(Event e, String anonymousId, String sessionId, String source) {
    StringBuilder b = new StringBuilder("{\"eventId\":\"");
    b.append(
        UUID.nameUUIDFromBytes(
            (nonce + "/e/" + eventCounter.incrementAndGet()).getBytes(StandardCharsets.UTF_8)));
    b.append("\",\"type\":\"").append(e.type()).append('"');
    b.append(",\"occurredAt\":\"").append(Instant.now()).append('"');
    if (anonymousId != null) {
      b.append(",\"anonymousId\":").append(Truth.quote(anonymousId));
    }
    b.append(",\"sessionId\":").append(Truth.quote(sessionId));
    if (e.product() != null) {
      b.append(",\"productId\":").append(Truth.quote(e.product().id()));
      if (e.product().categoryId() != null) {
        b.append(",\"categoryId\":").append(Truth.quote(e.product().categoryId()));
      }
      if (e.product().priceMinor() > 0) {
        b.append(",\"priceMinor\":")
            .append(e.product().priceMinor())
            .append(",\"currency\":\"EUR\"");
      }
    }
    if (e.quantity() > 0) {
      b.append(",\"quantity\":").append(e.quantity());
    }
    if (e.query() != null) {
      b.append(",\"query\":").append(Truth.quote(e.query()));
    }
    return b.append(",\"source\":\"").append(source).append("\"}").toString();
  }

  private static String credentials(String email, String password) {
    return "{\"email\":" + Truth.quote(email) + ",\"password\":" + Truth.quote(password) + "}";
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
