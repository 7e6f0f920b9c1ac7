package com.shopverse.loadgen.sim;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * The simulator's command line (the contract with the detector, docs/simulator.md).
 *
 * @param scenarios null (none), {@code default} or a JSON-lines file
 * @param stackHome the local stack's state folder, whose {@code run/<part>.pid} slow-dependency
 *     pauses; null: slow-dependency is skipped
 * @param forwardedFor send each shopper's own address in {@code X-Forwarded-For} (the local stack's
 *     gateway trusts 127.0.0.1 as a proxy), so the per-IP limits meet shoppers, not the simulator
 */
record SimOptions(
    URI gateway,
    Duration duration,
    double rate,
    long seed,
    Duration day,
    String scenarios,
    Path truth,
    Path report,
    int shoppers,
    double registeredShare,
    int workers,
    Duration timeout,
    Path stackHome,
    boolean forwardedFor,
    boolean help) {

  static final String USAGE =
      """
      usage: ./shopverse simulate [options]   (java -cp load-generator.jar com.shopverse.loadgen.sim.Simulate)
        --gateway <url>        the gateway, default http://127.0.0.1:8080
        --duration <d>         how long to run, default 20m (durations: 500ms, 90s, 5m, 1h)
        --rate <n>             mean shopper sessions started per second, default 20
        --seed <n>             the same seed gives the same shoppers, sessions and schedule; default 42
        --day <d>              one compressed day (night low, evening peak), default 5m
        --scenarios <s>        'default' or a JSON-lines file; without it no scenario is injected
        --truth <file>         ground truth (JSON lines), written as each scenario and day peak ends
        --report <file>        the report in Markdown
        --shoppers <n>         the population, default 1000
        --registered <share>   share of registered shoppers (log in, fill carts, check out), default 0.3
        --workers <n>          threads sending requests (each request waits for a free one), default 64
        --timeout <d>          per request, default 5s
        --stack-home <dir>     the local stack's state folder (for slow-dependency), default $SHOPVERSE_HOME
        --forwarded-for <b>    each shopper sends its own X-Forwarded-For address, default true
      """;

  static SimOptions parse(String... args) {
    URI gateway = URI.create("http://127.0.0.1:8080");
    Duration duration = Duration.ofMinutes(20);
    double rate = 20;
    long seed = 42;
    Duration day = Duration.ofMinutes(5);
    String scenarios = null;
    Path truth = null;
    Path report = null;
    int shoppers = 1000;
    double registered = 0.3;
    int workers = 64;
    Duration timeout = Duration.ofSeconds(5);
    String home = System.getenv("SHOPVERSE_HOME");
    Path stackHome = home == null || home.isBlank() ? null : Path.of(home);
    boolean forwardedFor = true;
    boolean help = false;
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (option.equals("--help") || option.equals("-h")) {
        help = true;
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      String value = args[++i];
      switch (option) {
        case "--gateway" -> gateway = gateway(value);
        case "--duration" -> duration = positive(option, SimDurations.parse(option, value));
        case "--rate" -> rate = number(option, value, 0.001, 100_000);
        case "--seed" -> seed = integer(option, value, Long.MIN_VALUE, Long.MAX_VALUE);
        case "--day" -> day = positive(option, SimDurations.parse(option, value));
        case "--scenarios" -> scenarios = value;
        case "--truth" -> truth = Path.of(value);
        case "--report" -> report = Path.of(value);
        case "--shoppers" -> shoppers = (int) integer(option, value, 1, 10_000_000);
        case "--registered" -> registered = number(option, value, 0, 1);
        case "--workers" -> workers = (int) integer(option, value, 1, 4096);
        case "--timeout" -> timeout = positive(option, SimDurations.parse(option, value));
        case "--stack-home" -> stackHome = value.isBlank() ? null : Path.of(value);
        case "--forwarded-for" -> forwardedFor = bool(option, value);
        default -> throw new IllegalArgumentException("unknown option " + option + " (see --help)");
      }
    }
    return new SimOptions(
        gateway,
        duration,
        rate,
        seed,
        day,
        scenarios,
        truth,
        report,
        shoppers,
        registered,
        workers,
        timeout,
        stackHome,
        forwardedFor,
        help);
  }

  /** The gateway's base URL without a trailing slash. */
  String base() {
    String s = gateway.toString();
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  private static URI gateway(String value) {
    URI uri = URI.create(value);
    if (!"http".equals(uri.getScheme()) || uri.getHost() == null) {
      throw new IllegalArgumentException("--gateway '" + value + "' must be an http:// URL");
    }
    return uri;
  }

  private static Duration positive(String option, Duration d) {
    if (d.isZero()) {
      throw new IllegalArgumentException(option + " must be longer than zero");
    }
    return d;
  }

  private static double number(String option, String value, double min, double max) {
    try {
      double d = Double.parseDouble(value);
      if (d >= min && d <= max) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        String.format(
            Locale.ROOT, "%s '%s' must be a number from %s to %s", option, value, min, max));
  }

  private static long integer(String option, String value, long min, long max) {
    try {
      long n = Long.parseLong(value);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(option + " '" + value + "' must be a whole number ≥ " + min);
  }

  private static boolean bool(String option, String value) {
    return switch (value) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw new IllegalArgumentException(option + " '" + value + "' must be true or false");
    };
  }
}
