package com.shopverse.analytics.functions;

import com.shopverse.analytics.CoVisitationRow;
import com.shopverse.recommendation.model.PairIncrement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by product: sums the co-visitation increments per neighbour in checkpointed state and
 * upserts each changed (product, neighbour) score at most once per flush interval. After a crash,
 * state and input rewind together, so the rows converge to the same exact sums.
 */
public class CoVisitationScores
    extends KeyedProcessFunction<String, PairIncrement, CoVisitationRow> {

  private final Duration flushInterval;
  private transient MapState<String, Double> scores;
  private transient MapState<String, Long> changed;
  private transient FlushSchedule flush;
  private transient RowVersions versions;

  public CoVisitationScores(Duration flushInterval) {
    this.flushInterval = flushInterval;
  }

  @Override
  public void open(OpenContext context) {
    scores =
        getRuntimeContext()
            .getMapState(new MapStateDescriptor<>("scores", String.class, Double.class));
    changed =
        getRuntimeContext()
            .getMapState(new MapStateDescriptor<>("changed", String.class, Long.class));
    flush = new FlushSchedule(getRuntimeContext(), flushInterval);
    versions = new RowVersions();
  }

  @Override
  public void processElement(PairIncrement increment, Context ctx, Collector<CoVisitationRow> out)
      throws Exception {
    Double before = scores.get(increment.neighbourId());
    scores.put(increment.neighbourId(), (before == null ? 0 : before) + increment.delta());
    changed.put(increment.neighbourId(), ctx.timerService().currentProcessingTime());
    flush.request(ctx.timerService());
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<CoVisitationRow> out)
      throws Exception {
    flush.done(ctx.timerService());
    List<String> neighbours = new ArrayList<>();
    changed.keys().forEach(neighbours::add);
    for (String neighbour : neighbours) {
      out.collect(
          new CoVisitationRow(
              ctx.getCurrentKey(), neighbour, scores.get(neighbour), timestamp, versions.next()));
    }
    changed.clear();
  }
}
