package com.shopverse.analytics.functions;

import java.time.Duration;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.TimerService;

/**
 * At most one pending processing-time flush per key: the operators that upsert rows collect changes
 * and write each changed row once per {@code interval}, which bounds ClickHouse writes without
 * holding freshness back by more than the interval.
 *
 * <p>A pending flush also holds an event-time timer at the end of time: Flink drops processing-time
 * timers when a bounded input ends, but fires every event-time timer, so the last changes of a
 * finished (bounded) run are written too. Operators flush on either timer.
 */
final class FlushSchedule {

  /** The watermark a bounded input ends with. */
  static final long END_OF_TIME = Long.MAX_VALUE;

  private final Duration interval;
  private final ValueState<Long> pending;

  FlushSchedule(RuntimeContext context, Duration interval) {
    this.interval = interval;
    this.pending = context.getState(new ValueStateDescriptor<>("pending-flush", Long.class));
  }

  /** Makes sure a flush of the current key is scheduled. */
  void request(TimerService timers) throws Exception {
    if (pending.value() == null) {
      long at = timers.currentProcessingTime() + interval.toMillis();
      timers.registerProcessingTimeTimer(at);
      timers.registerEventTimeTimer(END_OF_TIME);
      pending.update(at);
    }
  }

  /** Marks the current key's scheduled flush as done, whichever timer fired. */
  void done(TimerService timers) throws Exception {
    Long at = pending.value();
    if (at != null) {
      timers.deleteProcessingTimeTimer(at);
      timers.deleteEventTimeTimer(END_OF_TIME);
      pending.clear();
    }
  }
}
