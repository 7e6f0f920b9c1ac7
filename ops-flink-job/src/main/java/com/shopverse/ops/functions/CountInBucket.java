package com.shopverse.ops.functions;

import com.shopverse.ops.BucketCount;
import com.shopverse.ops.SeriesEvent;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/** Counts one series key's events in a tumbling event-time bucket. */
public final class CountInBucket {

  private CountInBucket() {}

  /** The running count. */
  public static class Count implements AggregateFunction<SeriesEvent, Long, Long> {
    @Override
    public Long createAccumulator() {
      return 0L;
    }

    @Override
    public Long add(SeriesEvent event, Long count) {
      return count + 1;
    }

    @Override
    public Long getResult(Long count) {
      return count;
    }

    @Override
    public Long merge(Long a, Long b) {
      return a + b;
    }
  }

  /** The count with its series, key and bucket start. */
  public static class Label extends ProcessWindowFunction<Long, BucketCount, String, TimeWindow> {
    @Override
    public void process(
        String seriesKey, Context ctx, Iterable<Long> counts, Collector<BucketCount> out) {
      int bar = seriesKey.indexOf('|');
      long count = counts.iterator().next();
      out.collect(
          new BucketCount(
              seriesKey.substring(0, bar),
              seriesKey.substring(bar + 1),
              ctx.window().getStart(),
              count));
    }
  }

  /** The key the counts are kept under: series and key in one string. */
  public static String keyOf(SeriesEvent e) {
    return e.series() + "|" + e.key();
  }
}
