package com.shopverse.flink;

import java.io.IOException;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The execution environment both jobs run in. Started with {@code java -jar} a job runs on an
 * in-process MiniCluster configured here (REST on 127.0.0.1, hashmap state, checkpoints kept on
 * disk and the newest restored, Flink's Prometheus reporter); submitted to a Flink cluster, the
 * cluster's own configuration wins and only the parallelism and checkpointing set here apply.
 */
public final class JobEnvironment {

  private static final Logger LOG = LoggerFactory.getLogger(JobEnvironment.class);

  private JobEnvironment() {}

  /** The environment with the job's parallelism and exactly-once checkpoints. */
  public static StreamExecutionEnvironment create(EnvironmentSettings settings) throws IOException {
    StreamExecutionEnvironment env =
        StreamExecutionEnvironment.getExecutionEnvironment(localConfiguration(settings));
    env.setParallelism(settings.parallelism());
    env.enableCheckpointing(
        settings.checkpointInterval().toMillis(), CheckpointingMode.EXACTLY_ONCE);
    return env;
  }

  /** Used by the in-process cluster only; a real cluster brings its own configuration. */
  static Configuration localConfiguration(EnvironmentSettings settings) throws IOException {
    Configuration conf = new Configuration();
    conf.set(RestOptions.PORT, settings.restPort());
    conf.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
    conf.set(TaskManagerOptions.NUM_TASK_SLOTS, Math.max(1, settings.parallelism()));
    conf.set(StateBackendOptions.STATE_BACKEND, "hashmap");
    if (!settings.checkpointDir().isBlank()) {
      conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
      conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, settings.checkpointDir());
      // Keep the last checkpoints when the process dies, and start from the newest one.
      conf.set(
          CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
          ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
      conf.set(CheckpointingOptions.MAX_RETAINED_CHECKPOINTS, 3);
      LatestCheckpoint.under(settings.checkpointDir())
          .ifPresent(
              path -> {
                LOG.info("Restoring from checkpoint {}", path);
                conf.set(StateRecoveryOptions.SAVEPOINT_PATH, path);
              });
    }
    conf.set(RestartStrategyOptions.RESTART_STRATEGY, "exponential-delay");
    prometheusReporter(conf, settings.metricsPort());
    return conf;
  }

  /**
   * Flink's Prometheus reporter on {@code port} (all interfaces; path does not matter; 0: none):
   * the job manager's and the task manager's metrics, both in this process. A cluster configures
   * its own reporters (see deploy/docker/flink-job.Dockerfile).
   */
  public static void prometheusReporter(Configuration conf, int port) {
    if (port <= 0) {
      return;
    }
    conf.set(
        ConfigOptions.key("metrics.reporter.prom.factory.class").stringType().noDefaultValue(),
        "org.apache.flink.metrics.prometheus.PrometheusReporterFactory");
    conf.set(
        ConfigOptions.key("metrics.reporter.prom.port").stringType().noDefaultValue(),
        Integer.toString(port));
  }
}
