package com.shopverse.loadgen.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopverse.loadgen.sim.JourneyStats.Journey;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Twenty seconds of shoppers against {@link StandInGateway}, with every scenario: the simulator's
 * per-journey counts match what the server received, a one-second stall of product views shows in
 * the latency of other journeys that waited for a worker (open loop), the slow dependency is a real
 * stopped and resumed process, and the truth file has a line per scenario and day peak.
 */
class SimulatorIT {

  private static final Pattern LINE =
      Pattern.compile(
          "\\{\"scenario\":\"([a-z-]+)\",\"startedAt\":\"([^\"]+)\",\"endedAt\":\"([^\"]+)\","
              + "\"series\":\\[([^\\]]*)\\],\"key\":\"([^\"]*)\",\"detail\":\"(.*?)\""
              + "(?:,\"keys\":\\{\"product\\.views\":\\[([^\\]]*)\\]\\})?\\}");

  @TempDir Path dir;

  @Test
  void playsShoppersOpenLoopAndWritesTheGroundTruth() throws Exception {
    Path scenarios = dir.resolve("scenarios.jsonl");
    Files.writeString(
        scenarios,
        """
        {"scenario":"flash-sale","at":"8s","for":"3s","factor":3,"category":"c-toys"}
        {"scenario":"bot-views","at":"12s","for":"2s","rate":10,"product":"P00042"}
        {"scenario":"password-bot","at":"14.5s","for":"2s","rate":3}
        {"scenario":"error-burst","at":"17s","for":"1s","rate":6}
        {"scenario":"slow-dependency","at":"18.5s","for":"1s","part":"clickhouse"}
        """);
    // A stand-in for a part of the local stack: its pid file where ./shopverse writes them, and a
    // command line that names the part (the simulator refuses any other pid).
    Process clickhouse =
        new ProcessBuilder("setsid", "bash", "-c", "exec -a clickhouse-standin sleep 120").start();
    Path home = dir.resolve("stack");
    Files.createDirectories(home.resolve("run"));
    Files.writeString(home.resolve("run/clickhouse.pid"), Long.toString(clickhouse.pid()));
    List<Long> stoppedAt = new CopyOnWriteArrayList<>();
    Thread watcher = watch(clickhouse.pid(), stoppedAt);
    Path truthFile = dir.resolve("truth.jsonl");
    try (StandInGateway gateway =
        new StandInGateway(TimeUnit.SECONDS.toNanos(4), TimeUnit.SECONDS.toNanos(5))) {
      SimOptions options =
          SimOptions.parse(
              "--gateway",
              gateway.base(),
              "--duration",
              "20s",
              "--rate",
              "10",
              "--seed",
              "42",
              "--day",
              "8s",
              "--scenarios",
              scenarios.toString(),
              "--truth",
              truthFile.toString(),
              "--shoppers",
              "300",
              "--workers",
              "4",
              "--stack-home",
              home.toString());
      Catalog catalog = new Catalog(Simulate.readCatalog(options), options.seed());
      List<Scenario> schedule = Scenarios.load(options.scenarios(), options.day());
      ByteArrayOutputStream log = new ByteArrayOutputStream();
      Simulator.Outcome outcome;
      long began = System.nanoTime();
      try (Truth truth = new Truth(options.truth())) {
        outcome =
            new Simulator(options, catalog, schedule, truth, new PrintStream(log, true)).run();
      }
      long tookMillis = (System.nanoTime() - began) / 1_000_000;
      assertThat(tookMillis).isBetween(20_000L, 40_000L);
      assertThat(outcome.notes()).isEmpty();
      Map<String, Journey> journeys = outcome.journeys();

      // Every journey ran, and each request the simulator counted reached the server, and no other.
      assertThat(journeys.keySet())
          .containsExactlyInAnyOrder(
              "login",
              "browse",
              "search",
              "view",
              "cart",
              "checkout",
              "events",
              "bot-views",
              "password-bot",
              "error-burst");
      journeys.forEach(
          (name, j) -> assertThat(j.requests()).as(name).isEqualTo(gateway.count(name)));
      assertThat(gateway.journeys.keySet())
          .containsOnly(
              "setup",
              "login",
              "browse",
              "search",
              "view",
              "cart",
              "checkout",
              "events",
              "bot-views",
              "password-bot",
              "error-burst");
      // The shoppers' own requests all succeed against this server; logins too, as every shopper
      // registers before its first login instead of trying and failing first.
      for (String name : SimReport.JOURNEYS) {
        assertThat(journeys.get(name).errors())
            .as(name + " " + journeys.get(name).outcomes())
            .isZero();
      }
      assertThat(gateway.tokenlessCartCalls.sum()).isZero();
      assertThat(gateway.anonymousEvents.sum()).isPositive();
      assertThat(gateway.addresses.size()).isGreaterThan(50);

      // The bots ran at their rates for their windows: 10/s x 2 s of a view and its event, ...
      assertThat(journeys.get("bot-views").requests()).isEqualTo(2 * 20);
      assertThat(journeys.get("password-bot").requests()).isEqualTo(6);
      assertThat(journeys.get("password-bot").outcomes())
          .containsEntry("401 invalid-credentials", 6L);
      assertThat(journeys.get("error-burst").requests()).isEqualTo(6);
      assertThat(journeys.get("error-burst").ok()).isZero();

      // Open loop: during the one-second stall all four workers sat on views, and the other
      // requests that fell due waited for them. Their latency from the intended start shows it;
      // the time from sending (what a closed-loop tool reports) does not.
      long waited = 0;
      long slowToAnswer = 0;
      for (String name : List.of("login", "browse", "search", "cart", "checkout", "events")) {
        waited += journeys.get(name).latency().getCountBetweenValues(300_000, Long.MAX_VALUE);
        slowToAnswer += journeys.get(name).service().getCountBetweenValues(300_000, Long.MAX_VALUE);
      }
      assertThat(waited).isGreaterThanOrEqualTo(5);
      assertThat(slowToAnswer).isLessThan(waited / 3);
      assertThat(journeys.get("view").latency().getMaxValue()).isGreaterThan(700_000);

      // The slow dependency was stopped for its second, then resumed.
      watcher.interrupt();
      watcher.join();
      assertThat(stoppedAt).isNotEmpty();
      long stoppedFor = stoppedAt.get(stoppedAt.size() - 1) - stoppedAt.get(0);
      assertThat(stoppedFor)
          .isBetween(TimeUnit.MILLISECONDS.toNanos(700), TimeUnit.MILLISECONDS.toNanos(1300));
      assertThat(state(clickhouse.pid())).isNotEqualTo("T");

      // The truth: one line per scenario and per day peak (two of the 8 s days peak within 20 s).
      List<String> lines = Files.readAllLines(truthFile);
      List<String> names = new ArrayList<>();
      Map<String, Instant[]> spans = new java.util.HashMap<>();
      for (String line : lines) {
        Matcher m = LINE.matcher(line);
        assertThat(m.matches()).as(line).isTrue();
        names.add(m.group(1));
        // Only a flash sale names keys: its category's products, the ones its views lift.
        assertThat(m.group(7) != null).as(line).isEqualTo(m.group(1).equals("flash-sale"));
        spans.put(
            m.group(1) + (spans.containsKey(m.group(1)) ? "2" : ""),
            new Instant[] {Instant.parse(m.group(2)), Instant.parse(m.group(3))});
        assertThat(m.group(2)).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
      }
      assertThat(names)
          .containsExactlyInAnyOrder(
              "daily-peak",
              "daily-peak",
              "flash-sale",
              "bot-views",
              "password-bot",
              "error-burst",
              "slow-dependency");
      assertThat(lines)
          .anyMatch(
              l ->
                  l.contains("\"scenario\":\"bot-views\"")
                      && l.contains(
                          "\"series\":[\"product.views\",\"shopper.events\"],\"key\":\"P00042\""));
      assertThat(lines)
          .anyMatch(
              l ->
                  l.contains("\"scenario\":\"slow-dependency\"")
                      && l.contains("\"series\":[],\"key\":\"clickhouse\""));
      assertThat(Duration.between(spans.get("bot-views")[0], spans.get("bot-views")[1]))
          .isEqualTo(Duration.ofSeconds(2));
      // All planned instants share the run's start: bot-views began 4 s after the flash sale did,
      // and the second day's peak one day (8 s) after the first.
      assertThat(Duration.between(spans.get("flash-sale")[0], spans.get("bot-views")[0]))
          .isEqualTo(Duration.ofSeconds(4));
      assertThat(Duration.between(spans.get("daily-peak")[0], spans.get("daily-peak2")[0]))
          .isEqualTo(Duration.ofSeconds(8));
      assertThat(Duration.between(spans.get("slow-dependency")[0], spans.get("slow-dependency")[1]))
          .isBetween(Duration.ofMillis(800), Duration.ofMillis(1500));

      String report = SimReport.markdown(options, schedule, outcome, "0");
      assertThat(report)
          .contains(
              "| browse | ", "| checkout | ", "| bot-views | ", "\"scenario\":\"error-burst\"");
      assertThat(log.toString(StandardCharsets.UTF_8))
          .contains("SIGSTOP clickhouse", "SIGCONT clickhouse");
    } finally {
      watcher.interrupt();
      clickhouse.destroyForcibly();
      new ProcessBuilder("kill", "-CONT", Long.toString(clickhouse.pid())).start().waitFor();
    }
  }

  /** Records each time (nanoTime) the process is seen stopped, every 20 ms. */
  private static Thread watch(long pid, List<Long> stoppedAt) {
    Thread t =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                if ("T".equals(state(pid))) {
                  stoppedAt.add(System.nanoTime());
                }
                try {
                  Thread.sleep(20);
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static String state(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      return stat.substring(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    } catch (Exception e) {
      return "?";
    }
  }
}
