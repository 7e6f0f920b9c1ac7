package com.shopverse.analytics.functions;

import com.shopverse.analytics.BotFlag;
import com.shopverse.analytics.InteractionRow;
import com.shopverse.analytics.metrics.ShopverseMetrics;
import com.shopverse.recommendation.model.ModelSettings;
import com.shopverse.recommendation.model.PairIncrement;
import com.shopverse.recommendation.model.Session;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by shopper: follows each shopper's current session (the model's {@link Session}) and emits
 * the co-visitation increments each interaction causes. A session that has been quiet for longer
 * than the session gap is forgotten (state TTL), as the model would start a new one anyway.
 *
 * <p>The second input is the bot flags (see {@link BotFlags}). The session remembers what it added
 * to each pair ({@link SessionPairs}); when a shopper is newly flagged, its open session's share is
 * taken back (negative increments) and the session is forgotten. Earlier, closed sessions of the
 * bot are not remembered and stay counted. A flagged shopper's interactions that were already on
 * their way past the {@link BotFilter} are dropped here too.
 */
public class CoVisitationSessions
    extends KeyedBroadcastProcessFunction<String, InteractionRow, BotFlag, PairIncrement> {

  private final ModelSettings model;
  private transient ValueStateDescriptor<Session> sessionDescriptor;
  private transient ValueStateDescriptor<SessionPairs> pairsDescriptor;
  private transient ValueState<Session> session;
  private transient ValueState<SessionPairs> pairs;
  private transient Counter retracted;

  public CoVisitationSessions(ModelSettings model) {
    this.model = model;
  }

  @Override
  public void open(OpenContext context) {
    StateTtlConfig ttl = StateTtlConfig.newBuilder(model.sessionGap().multipliedBy(2)).build();
    sessionDescriptor = new ValueStateDescriptor<>("session", Session.class);
    sessionDescriptor.enableTimeToLive(ttl);
    session = getRuntimeContext().getState(sessionDescriptor);
    pairsDescriptor = new ValueStateDescriptor<>("session-pairs", SessionPairs.class);
    pairsDescriptor.enableTimeToLive(ttl);
    pairs = getRuntimeContext().getState(pairsDescriptor);
    retracted =
        ShopverseMetrics.of(getRuntimeContext().getMetricGroup())
            .counter(ShopverseMetrics.BOT_ROWS_RETRACTED);
  }

  @Override
  public void processElement(InteractionRow row, ReadOnlyContext ctx, Collector<PairIncrement> out)
      throws Exception {
    if (BotFlags.flagged(ctx.getBroadcastState(BotFlags.DESCRIPTOR), row)) {
      return;
    }
    Session current = session.value();
    SessionPairs added = pairs.value();
    // The model starts a new session after the gap; what the old one added is no longer open.
    if (current == null
        || added == null
        || row.eventTimeMs() - current.lastEventMs > model.sessionGap().toMillis()) {
      added = new SessionPairs();
    }
    if (current == null) {
      current = new Session();
    }
    for (PairIncrement increment :
        current.add(row.productId(), Shoppers.type(row), row.eventTimeMs(), model)) {
      added.add(increment);
      out.collect(increment);
    }
    session.update(current);
    // Written on every event, so both states live (and expire) together.
    pairs.update(added);
  }

  @Override
  public void processBroadcastElement(BotFlag flag, Context ctx, Collector<PairIncrement> out)
      throws Exception {
    if (!BotFlags.remember(ctx.getBroadcastState(BotFlags.DESCRIPTOR), flag)) {
      return;
    }
    ctx.applyToKeyedState(
        pairsDescriptor,
        (shopper, state) -> {
          SessionPairs added = state.value();
          if (BotFlags.isKeyOf(shopper, flag.shopper()) && added != null) {
            for (PairIncrement retraction : added.retractions()) {
              out.collect(retraction);
            }
            retracted.inc(added.pairs.size() * 2L);
            state.clear();
          }
        });
    ctx.applyToKeyedState(
        sessionDescriptor,
        (shopper, state) -> {
          if (BotFlags.isKeyOf(shopper, flag.shopper())) {
            state.clear();
          }
        });
  }
}
