package com.shopverse.analytics.functions;

import com.shopverse.analytics.InteractionRow;
import com.shopverse.recommendation.model.ModelSettings;
import com.shopverse.recommendation.model.PairIncrement;
import com.shopverse.recommendation.model.Session;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by shopper: follows each shopper's current session (the model's {@link Session}) and emits
 * the co-visitation increments each interaction causes. A session that has been quiet for longer
 * than the session gap is forgotten (state TTL), as the model would start a new one anyway.
 */
public class CoVisitationSessions
    extends KeyedProcessFunction<String, InteractionRow, PairIncrement> {

  private final ModelSettings model;
  private transient ValueState<Session> session;

  public CoVisitationSessions(ModelSettings model) {
    this.model = model;
  }

  @Override
  public void open(OpenContext context) {
    ValueStateDescriptor<Session> descriptor = new ValueStateDescriptor<>("session", Session.class);
    descriptor.enableTimeToLive(
        StateTtlConfig.newBuilder(model.sessionGap().multipliedBy(2)).build());
    session = getRuntimeContext().getState(descriptor);
  }

  @Override
  public void processElement(InteractionRow row, Context ctx, Collector<PairIncrement> out)
      throws Exception {
    Session current = session.value();
    if (current == null) {
      current = new Session();
    }
    for (PairIncrement increment :
        current.add(row.productId(), Shoppers.type(row), row.eventTimeMs(), model)) {
      out.collect(increment);
    }
    session.update(current);
  }
}
