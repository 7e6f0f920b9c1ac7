package com.shopverse.analytics;

import org.apache.flink.api.connector.source.Source;

/**
 * Where the pipeline reads: the three topics' records, and the ops job's {@code anomalies} (bot
 * flags). {@code orders}, {@code catalog} and {@code anomalies} may be null (tests of the
 * interactions alone; without anomalies nobody is flagged); the job always passes all four.
 */
public record PipelineSources(
    Source<RawRecord, ?, ?> interactions,
    Source<RawRecord, ?, ?> orders,
    Source<RawRecord, ?, ?> catalog,
    Source<RawRecord, ?, ?> anomalies) {

  /** The three topics, without bot flags. */
  public PipelineSources(
      Source<RawRecord, ?, ?> interactions,
      Source<RawRecord, ?, ?> orders,
      Source<RawRecord, ?, ?> catalog) {
    this(interactions, orders, catalog, null);
  }

  public static PipelineSources interactionsOnly(Source<RawRecord, ?, ?> interactions) {
    return new PipelineSources(interactions, null, null);
  }
}
