package com.shopverse.analytics.functions;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.shopverse.analytics.DeadLetter;
import com.shopverse.analytics.RawRecord;
import com.shopverse.analytics.metrics.ShopverseMetrics;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.OutputTag;

/**
 * Where the parse functions put what they cannot read: the {@link #TAG} side output (the job sends
 * it to the source topic's {@code .dlt} topic) and the {@code shopverse.dead_letters} counter of
 * the parsing operator. Parsing is deterministic (the same bytes fail the same way every time), so
 * a bad record is never retried: it is set aside at once and the partition moves on.
 */
public final class DeadLetters {

  public static final OutputTag<DeadLetter> TAG = new OutputTag<>("dead-letters") {};

  /**
   * A reason's first words, stable for alerting: {@code malformed-json}, {@code unknown-type}, …
   */
  public static final String MALFORMED_JSON = "malformed-json";

  public static final String UNKNOWN_TYPE = "unknown-type";
  public static final String MISSING_FIELD = "missing-field";

  private final Counter counter;

  DeadLetters(RuntimeContext context) {
    counter = ShopverseMetrics.of(context.getMetricGroup()).counter(ShopverseMetrics.DEAD_LETTERS);
  }

  /** The JSON reader every parse function uses: unknown properties are allowed (only add). */
  static ObjectMapper json() {
    return new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  /** Counts the record and makes its dead letter. */
  DeadLetter refuse(RawRecord record, String reason) {
    counter.inc();
    return DeadLetter.of(record, reason);
  }

  /** The reason a record could not be read by Jackson. */
  static String reason(Exception e) {
    String message = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
    if (e instanceof InvalidTypeIdException t && t.getTypeId() == null) {
      return missing("type");
    }
    if (e instanceof InvalidTypeIdException
        || (e instanceof InvalidFormatException f
            && f.getTargetType() != null
            && f.getTargetType().isEnum()
            && f.getPath().size() == 1
            && "type".equals(f.getPath().get(0).getFieldName()))) {
      return UNKNOWN_TYPE + ": " + message;
    }
    return MALFORMED_JSON + ": " + message;
  }

  static String missing(String field) {
    return MISSING_FIELD + ": " + field;
  }
}
