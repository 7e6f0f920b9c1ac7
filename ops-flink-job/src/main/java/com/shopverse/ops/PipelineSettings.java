package com.shopverse.ops;

import com.shopverse.ops.model.ModelSettings;
import java.io.Serializable;
import java.time.Duration;

/**
 * How the pipeline buckets and judges the streams.
 *
 * @param bucket the tumbling event-time bucket every series is counted in
 * @param outOfOrderness how late an event may be and still count in its bucket
 * @param idleness after this long without records a source partition stops holding the watermark
 *     back (order events are sparse)
 * @param keyRetention how long a product's or shopper's usual count is kept without events
 */
public record PipelineSettings(
    Duration bucket,
    Duration outOfOrderness,
    Duration idleness,
    Duration keyRetention,
    ModelSettings model)
    implements Serializable {

  public PipelineSettings {
    if (bucket.toMillis() < 1000 || bucket.toMillis() % 1000 != 0) {
      throw new IllegalArgumentException("bucket must be whole seconds, was " + bucket);
    }
  }
}
