package com.shopverse.loadgen;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * One run, as the command line describes it. {@link #parse} checks everything it can before the run
 * starts, so a typo costs a message, not a half-finished benchmark.
 */
record Options(
    double rate,
    Duration duration,
    Duration warmup,
    Duration timeout,
    List<URI> urls,
    OptionalLong seed,
    List<Header> headers,
    String method,
    byte[] body,
    int connections,
    String label,
    Path out,
    Set<Integer> expectStatus,
    double maxErrorRate,
    String client,
    boolean selfTest,
    boolean help,
    List<String> args,
    Map<URI, List<Header>> lineHeaders) {

  static final String USAGE =
      """
      Usage: java -jar load-generator.jar --rate <req/s> (--url <url>... | --urls-file <file> | --self-test)
                                          [options]

      Sends requests at a constant rate (request i is due at start + i/rate, whatever happened before)
      and measures each latency from that intended start, so stalls and queueing are not hidden.

        --rate <req/s>           requests per second (required)
        --duration <d>           measured time, default 30s (durations: 500ms, 30s, 2m, 1h)
        --warmup <d>             sent first at the same rate, not recorded; default 0s
        --url <url>              target, repeatable (http only; loopback expected)
        --urls-file <file>       one URL per line (# comments and blank lines ignored); a line may add
                                 headers of its own after tabs: URL<TAB>Name: value (socket client)
        --seed <n>               pick each request's URL at random with this seed (default round-robin)
        --method GET|POST        default GET
        --body-file <file>       request body for POST
        --header 'Name: value'   repeatable
        --connections <n>        connections, i.e. the cap on requests in flight; default 64. A request
                                 due while all are busy waits for one, and that wait counts in its latency
        --timeout <d>            per request once sent (connect and response), default 2s; a
                                 request that waited longer for a connection is given up unsent
        --expect-status <codes>  e.g. 200 or 200,201; others count as errors (default: any 2xx)
        --max-error-rate <pct>   exit 1 above this share of errors, in percent; default 1
        --label <text>           names the run in the report
        --out <file>             append the result: Markdown, or one JSON line if the name ends in .json
        --client socket|jdk      socket (default): keep-alive connections, one thread each;
                                 jdk: java.net.http.HttpClient, async (kept for comparison)
        --self-test              target a trivial in-process server, to measure the generator itself
        --help
      """;

  private static final double MAX_RATE = 1_000_000;
  private static final int MAX_CONNECTIONS = 10_000;

  /** One request header; names are checked so nothing can smuggle a line break into a request. */
  record Header(String name, String value) {

    static Header parse(String text) {
      int colon = text.indexOf(':');
      if (colon <= 0) {
        throw new UsageException("--header '" + text + "' must look like 'Name: value'");
      }
      String name = text.substring(0, colon).trim();
      String value = text.substring(colon + 1).trim();
      if (!name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
        throw new UsageException("--header '" + text + "': '" + name + "' is not a header name");
      }
      if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
        throw new UsageException("--header '" + name + "' must not contain a line break");
      }
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.equals("content-length") || lower.equals("transfer-encoding")) {
        throw new UsageException(
            "--header '" + name + "' is set by the generator (use --body-file for a body)");
      }
      return new Header(name, value);
    }
  }

  /** The requests this run schedules in all, warm-up included. */
  long totalRequests() {
    return Schedule.count(rate, warmup) + Schedule.count(rate, duration);
  }

  static Options parse(String... args) {
    Builder builder = new Builder();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String value = null;
      int equals = arg.indexOf('=');
      if (arg.startsWith("--") && equals > 0) {
        value = arg.substring(equals + 1);
        arg = arg.substring(0, equals);
      }
      if (arg.equals("--help") || arg.equals("-h")) {
        builder.help = true;
        continue;
      }
      if (arg.equals("--self-test")) {
        builder.selfTest = true;
        continue;
      }
      if (!arg.startsWith("--")) {
        throw new UsageException("unexpected argument '" + arg + "' (options start with --)");
      }
      if (value == null) {
        if (i + 1 >= args.length) {
          throw new UsageException(arg + " needs a value");
        }
        value = args[++i];
      }
      builder.set(arg, value);
    }
    return builder.build(List.of(args));
  }

  private static final class Builder {
    Double rate;
    Duration duration = Duration.ofSeconds(30);
    Duration warmup = Duration.ZERO;
    Duration timeout = Duration.ofSeconds(2);
    final List<URI> urls = new ArrayList<>();
    final Map<URI, List<Header>> lineHeaders = new java.util.HashMap<>();
    OptionalLong seed = OptionalLong.empty();
    final List<Header> headers = new ArrayList<>();
    String method = "GET";
    byte[] body;
    int connections = 64;
    String label;
    Path out;
    final Set<Integer> expectStatus = new TreeSet<>();
    double maxErrorRate = 0.01;
    String client = "socket";
    boolean selfTest;
    boolean help;

    void set(String option, String value) {
      switch (option) {
        case "--rate" -> rate = positive(option, number(option, value), MAX_RATE);
        case "--duration" -> duration = Durations.parse(option, value);
        case "--warmup" -> warmup = Durations.parse(option, value);
        case "--timeout" -> timeout = Durations.parse(option, value);
        case "--url" -> urls.add(url(value));
        case "--urls-file" -> urls.addAll(urlsFile(Path.of(value), lineHeaders));
        case "--seed" -> seed = OptionalLong.of(integer(option, value));
        case "--header" -> headers.add(Header.parse(value));
        case "--method" -> method = method(value);
        case "--body-file" -> body = read(option, Path.of(value));
        case "--connections" ->
            connections = (int) positive(option, integer(option, value), MAX_CONNECTIONS);
        case "--label" -> label = value;
        case "--out" -> out = Path.of(value);
        case "--expect-status" -> expectStatus.addAll(statuses(value));
        case "--max-error-rate" -> maxErrorRate = percent(option, value);
        case "--client" -> client = client(value);
        default -> throw new UsageException("unknown option " + option + " (see --help)");
      }
    }

    Options build(List<String> args) {
      if (!help) {
        if (rate == null) {
          throw new UsageException("--rate is required, e.g. --rate 1000 (requests per second)");
        }
        if (urls.isEmpty() && !selfTest) {
          throw new UsageException("no target: give --url, --urls-file or --self-test");
        }
        if (!urls.isEmpty() && selfTest) {
          throw new UsageException("--self-test brings its own target: drop --url/--urls-file");
        }
        if (duration.isZero()) {
          throw new UsageException("--duration must be longer than 0");
        }
        if (timeout.isZero()) {
          throw new UsageException("--timeout must be longer than 0");
        }
        if (body != null && !method.equals("POST")) {
          throw new UsageException("--body-file needs --method POST");
        }
        if (Schedule.count(rate, duration) < 1) {
          throw new UsageException("--rate " + rate + " for --duration sends no request at all");
        }
        if (Schedule.count(rate, warmup) + Schedule.count(rate, duration) > Integer.MAX_VALUE) {
          throw new UsageException("--rate times --duration is more than 2^31 requests");
        }
      }
      return new Options(
          rate == null ? 0 : rate,
          duration,
          warmup,
          timeout,
          List.copyOf(urls),
          seed,
          List.copyOf(headers),
          method,
          body,
          connections,
          label,
          out,
          Set.copyOf(expectStatus),
          maxErrorRate,
          client,
          selfTest,
          help,
          args,
          Map.copyOf(lineHeaders));
    }
  }

  private static double number(String option, String value) {
    try {
      double number = Double.parseDouble(value.trim());
      if (Double.isFinite(number)) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException(option + " '" + value + "' is not a number");
  }

  private static long integer(String option, String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new UsageException(option + " '" + value + "' is not a whole number");
    }
  }

  private static double positive(String option, double value, double max) {
    if (value <= 0 || value > max) {
      throw new UsageException(option + " must be above 0 and at most " + (long) max);
    }
    return value;
  }

  private static double percent(String option, String value) {
    String digits = value.trim().endsWith("%") ? value.trim().replace("%", "") : value;
    double percent = number(option, digits);
    if (percent < 0 || percent > 100) {
      throw new UsageException(option + " is a percentage between 0 and 100, e.g. 1 or 0.5%");
    }
    return percent / 100;
  }

  static URI url(String text) {
    URI uri;
    try {
      uri = new URI(text.trim());
    } catch (URISyntaxException e) {
      throw new UsageException("--url '" + text + "' is not a URL: " + e.getReason());
    }
    if (!"http".equalsIgnoreCase(uri.getScheme())) {
      throw new UsageException(
          "--url '" + text + "': only http:// is supported (the targets are loopback services)");
    }
    if (uri.getHost() == null) {
      throw new UsageException("--url '" + text + "' has no host");
    }
    return uri;
  }

  private static List<URI> urlsFile(Path file, Map<URI, List<Header>> lineHeaders) {
    List<URI> urls = new ArrayList<>();
    String text = new String(read("--urls-file", file), java.nio.charset.StandardCharsets.UTF_8);
    for (String line : text.split("\\R")) {
      if (!line.isBlank() && !line.trim().startsWith("#")) {
        String[] parts = line.split("\t");
        URI uri = url(parts[0]);
        urls.add(uri);
        if (parts.length > 1) {
          List<Header> headers = new ArrayList<>();
          for (int i = 1; i < parts.length; i++) {
            headers.add(Header.parse(parts[i]));
          }
          lineHeaders.put(uri, List.copyOf(headers));
        }
      }
    }
    if (urls.isEmpty()) {
      throw new UsageException("--urls-file " + file + " holds no URL");
    }
    return urls;
  }

  private static byte[] read(String option, Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UsageException(option + " " + file + " cannot be read: " + e);
    }
  }

  private static String method(String value) {
    String method = value.trim().toUpperCase(Locale.ROOT);
    if (!method.equals("GET") && !method.equals("POST")) {
      throw new UsageException("--method '" + value + "': GET or POST");
    }
    return method;
  }

  private static String client(String value) {
    if (!value.equals("socket") && !value.equals("jdk")) {
      throw new UsageException("--client '" + value + "': socket or jdk");
    }
    return value;
  }

  private static List<Integer> statuses(String value) {
    List<Integer> statuses = new ArrayList<>();
    for (String part : value.split(",")) {
      long status = integer("--expect-status", part);
      if (status < 100 || status > 599) {
        throw new UsageException("--expect-status " + part.trim() + " is not an HTTP status");
      }
      statuses.add((int) status);
    }
    return statuses;
  }
}
