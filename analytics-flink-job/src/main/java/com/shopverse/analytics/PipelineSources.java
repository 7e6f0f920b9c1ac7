package com.shopverse.analytics;

import org.apache.flink.api.connector.source.Source;

/**
 * Where the pipeline reads: the three topics' records. {@code orders} and {@code catalog} may be
 * null (tests of the interactions alone); the job always passes all three.
 */
public record PipelineSources(
    Source<RawRecord, ?, ?> interactions,
    Source<RawRecord, ?, ?> orders,
    Source<RawRecord, ?, ?> catalog) {

  public static PipelineSources interactionsOnly(Source<RawRecord, ?, ?> interactions) {
    return new PipelineSources(interactions, null, null);
  }
}
