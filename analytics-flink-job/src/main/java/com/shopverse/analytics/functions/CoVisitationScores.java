package com.shopverse.analytics.functions;

import com.shopverse.analytics.CoVisitationRow;
import com.shopverse.recommendation.model.PairIncrement;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by (product, neighbour): sums the co-visitation increments of one pair in checkpointed
 * state and upserts the pair's score at most once per flush interval. After a crash, state and
 * input rewind together, so the rows converge to the same exact sums.
 *
 * <p>Keyed by the pair rather than by product with a map of neighbours on purpose: the heap state
 * backend copies a key's whole value on the first write after each checkpoint, and a popular
 * product's map of thousands of neighbours copied every second made this the job's bottleneck.
 */
public class CoVisitationScores
    extends KeyedProcessFunction<Tuple2<String, String>, PairIncrement, CoVisitationRow> {

  private final Duration flushInterval;
  private transient ValueState<Double> score;
  private transient FlushSchedule flush;
  private transient RowVersions versions;

  public CoVisitationScores(Duration flushInterval) {
    this.flushInterval = flushInterval;
  }

  /** The key: product, then neighbour. */
  public static Tuple2<String, String> pair(PairIncrement increment) {
    return Tuple2.of(increment.productId(), increment.neighbourId());
  }

  @Override
  public void open(OpenContext context) {
    score = getRuntimeContext().getState(new ValueStateDescriptor<>("score", Double.class));
    flush = new FlushSchedule(getRuntimeContext(), flushInterval);
    versions = new RowVersions();
  }

  @Override
  public void processElement(PairIncrement increment, Context ctx, Collector<CoVisitationRow> out)
      throws Exception {
    Double before = score.value();
    double after = (before == null ? 0 : before) + increment.delta();
    // A bot's session taken back (a negative increment) leaves what rounding left: that is 0.
    if (increment.delta() < 0 && Math.abs(after) <= 1e-9 * -increment.delta()) {
      after = 0;
    }
    score.update(after);
    flush.request(ctx.timerService());
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<CoVisitationRow> out)
      throws Exception {
    flush.done(ctx.timerService());
    Tuple2<String, String> pair = ctx.getCurrentKey();
    out.collect(
        new CoVisitationRow(
            pair.f0,
            pair.f1,
            score.value(),
            ctx.timerService().currentProcessingTime(),
            versions.next()));
  }
}
