package com.shopverse.ops.functions;

import com.shopverse.ops.OpsMetrics;
import com.shopverse.ops.SeriesEvent;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The events that came after their bucket had closed (older than the watermark by more than the
 * out-of-orderness allows), which the counts leave out: {@code shopverse.series.late_events} per
 * series, and {@code late_by_ms} of the latest one. Without them a source that lags (a relay that
 * batches, a partition read behind the others) silently lowers a series' counts — a bot's failed
 * logins split over buckets under the detector's minimum — and nothing would say so.
 */
public final class LateEvents extends ProcessFunction<SeriesEvent, Void> {

  private transient Map<String, Counter> counters;
  private transient Map<String, long[]> lateBy;

  @Override
  public void open(OpenContext context) {
    counters = new HashMap<>();
    lateBy = new HashMap<>();
    // Registered up front so the rules and dashboards see a zero, not a missing series.
    OpsMetrics.aggregateSeries().forEach(this::register);
    OpsMetrics.keyedSeries().forEach(this::register);
  }

  @Override
  public void processElement(SeriesEvent event, Context ctx, Collector<Void> out) {
    if (!counters.containsKey(event.series())) {
      register(event.series());
    }
    counters.get(event.series()).inc();
    lateBy.get(event.series())[0] = ctx.timerService().currentWatermark() - event.timeMs();
  }

  private void register(String series) {
    var group = OpsMetrics.series(getRuntimeContext().getMetricGroup(), series);
    counters.put(series, group.counter(OpsMetrics.LATE_EVENTS));
    long[] holder = new long[1];
    lateBy.put(series, holder);
    group.gauge(OpsMetrics.LATE_BY_MS, () -> holder[0]);
  }
}
