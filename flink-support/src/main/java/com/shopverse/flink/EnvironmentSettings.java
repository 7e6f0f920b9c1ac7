package com.shopverse.flink;

import java.time.Duration;

/**
 * How a job's execution environment runs: the same for both jobs, from each job's own settings.
 *
 * @param parallelism the job's parallelism, and the in-process cluster's task slots
 * @param checkpointInterval how often an exactly-once checkpoint is taken
 * @param checkpointDir a {@code file:} URI to keep checkpoints in and restore from; blank: the
 *     cluster's default (in memory for the in-process one)
 * @param restPort the in-process cluster's REST port (127.0.0.1)
 * @param metricsPort the in-process cluster's Prometheus reporter port; 0 switches it off
 */
public record EnvironmentSettings(
    int parallelism,
    Duration checkpointInterval,
    String checkpointDir,
    int restPort,
    int metricsPort) {}
