package com.shopverse.flink;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopverse.testsupport.LocalProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job on the in-process cluster {@link JobEnvironment} sets up, as {@code java -jar} runs both
 * jobs: REST on its port, Flink's Prometheus reporter on its own, checkpoints kept in the folder
 * after a cancel, and the next start restoring the newest one.
 */
class JobEnvironmentIT {

  static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path dir;

  @Test
  void keepsItsCheckpointsAndTheNextStartRestoresTheNewest() throws Exception {
    String checkpoints = dir.toUri().toString();
    EnvironmentSettings first = settings(checkpoints);
    JobClient job = start(first);
    Optional<String> kept;
    try {
      await(
          () ->
              scrape(first).sum("flink_jobmanager_job_numberOfCompletedCheckpoints") >= 2
                  && newest(checkpoints).isPresent());
      assertThat(get("http://127.0.0.1:" + first.restPort() + "/jobs/overview"))
          .contains("\"state\":\"RUNNING\"");
    } finally {
      job.cancel().get();
    }
    kept = LatestCheckpoint.under(checkpoints);
    assertThat(kept).as("a checkpoint outlives the cancelled job").isPresent();

    EnvironmentSettings second = settings(checkpoints);
    JobClient restarted = start(second);
    try {
      await(() -> scrape(second).sum("flink_jobmanager_job_lastCheckpointRestoreTimestamp") > 0);
      String checkpointStats =
          get(
              "http://127.0.0.1:"
                  + second.restPort()
                  + "/jobs/"
                  + restarted.getJobID()
                  + "/checkpoints");
      assertThat(checkpointStats).contains(Path.of(URI.create(kept.get())).toString());
    } finally {
      restarted.cancel().get();
    }
  }

  private static Optional<String> newest(String checkpoints) {
    try {
      return LatestCheckpoint.under(checkpoints);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static EnvironmentSettings settings(String checkpoints) {
    return new EnvironmentSettings(
        1, Duration.ofMillis(200), checkpoints, LocalProcess.freePort(), LocalProcess.freePort());
  }

  private static JobClient start(EnvironmentSettings settings) throws Exception {
    StreamExecutionEnvironment env = JobEnvironment.create(settings);
    env.fromSource(
            new DataGeneratorSource<>(
                i -> i, Long.MAX_VALUE, RateLimiterStrategy.perSecond(50), Types.LONG),
            WatermarkStrategy.noWatermarks(),
            "numbers")
        .uid("numbers")
        .sinkTo(new DiscardingSink<>())
        .uid("discard");
    return env.executeAsync("job-environment-it");
  }

  private static PrometheusScrape scrape(EnvironmentSettings settings) {
    return PrometheusScrape.of("http://127.0.0.1:" + settings.metricsPort() + "/metrics");
  }

  private static String get(String url) throws Exception {
    return HTTP.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!safely(condition)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not true within 60 s");
      }
      Thread.sleep(200);
    }
  }

  /** The reporter and the REST endpoint answer only once the cluster is up. */
  private static boolean safely(BooleanSupplier condition) {
    try {
      return condition.getAsBoolean();
    } catch (AssertionError | RuntimeException e) {
      return false;
    }
  }
}
