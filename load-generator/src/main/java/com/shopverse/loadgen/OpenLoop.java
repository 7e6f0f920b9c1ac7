package com.shopverse.loadgen;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The command: {@code java -jar load-generator.jar --rate 1000 --duration 30s --url ...}. Exit code
 * 0 when the error rate is within {@code --max-error-rate}, 1 when above, 2 when the command line
 * or a target is wrong, 3 when the report cannot be written.
 */
public final class OpenLoop {

  /** Lets every connection thread start and park before request 0 is due. */
  private static final long START_DELAY_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  private OpenLoop() {}

  public static void main(String[] args) throws InterruptedException {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
    Options options;
    try {
      options = Options.parse(args);
    } catch (UsageException e) {
      err.println("error: " + e.getMessage());
      err.println("Run with --help for the options.");
      return 2;
    }
    if (options.help()) {
      out.print(Options.USAGE);
      return 0;
    }
    try (TrivialServer server = options.selfTest() ? TrivialServer.start() : null) {
      List<URI> urls = server == null ? options.urls() : List.of(server.uri());
      Targets targets = targets(options, urls);
      Client client = client(options);
      for (Target target : targets.all()) {
        if (!target.isLoopback()) {
          err.println(
              "warning: "
                  + target.uri().getHost()
                  + " ("
                  + target.address().getAddress().getHostAddress()
                  + ") is not a loopback address; the generator is meant for services on this"
                  + " machine, and network latency will be part of every figure");
        }
      }
      Environment environment = Environment.current();
      err.printf(
          "%s: %s req/s, %s warm-up then %s measured, %d connections, %s client%n",
          options.label() == null ? "open-loop" : options.label(),
          Report.rate(options.rate()),
          Durations.format(options.warmup()),
          Durations.format(options.duration()),
          options.connections(),
          options.client());
      Result result = measure(options, targets, client);
      Report report = new Report(result, options, environment, urls);
      out.print(report.text());
      if (options.out() != null) {
        try {
          report.appendTo(options.out());
        } catch (IOException e) {
          err.println("error: cannot append to " + options.out() + ": " + e);
          return 3;
        }
      }
      return report.passed() ? 0 : 1;
    } catch (UsageException e) {
      err.println("error: " + e.getMessage());
      return 2;
    } catch (IOException e) {
      err.println("error: cannot start the self-test server: " + e);
      return 2;
    }
  }

  /** Runs the load {@code options} describe against their URLs; for tests and other callers. */
  static Result measure(Options options) throws InterruptedException {
    return measure(options, targets(options, options.urls()), client(options));
  }

  static Result measure(Options options, Targets targets, Client client)
      throws InterruptedException {
    Schedule schedule =
        Schedule.startingAt(
            System.nanoTime() + START_DELAY_NANOS,
            options.rate(),
            options.warmup(),
            options.duration());
    Stats stats = new Stats(schedule, options.expectStatus());
    client.run(new Plan(schedule, targets, options.timeout().toNanos()), stats);
    return stats.result(options.duration());
  }

  private static Targets targets(Options options, List<URI> urls) {
    return new Targets(
        urls.stream()
            .map(
                url ->
                    Target.of(
                        url,
                        options.method(),
                        withLineHeaders(options.headers(), options.lineHeaders().get(url)),
                        options.body()))
            .toList(),
        options.seed());
  }

  private static List<Options.Header> withLineHeaders(
      List<Options.Header> common, List<Options.Header> own) {
    if (own == null) {
      return common;
    }
    List<Options.Header> all = new java.util.ArrayList<>(common);
    all.addAll(own);
    return all;
  }

  private static Client client(Options options) {
    return options.client().equals("jdk")
        ? new JdkClient(
            options.connections(),
            options.method(),
            options.headers(),
            options.body(),
            options.timeout())
        : new SocketClient(options.connections());
  }
}
