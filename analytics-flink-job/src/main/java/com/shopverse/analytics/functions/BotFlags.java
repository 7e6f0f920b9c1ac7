package com.shopverse.analytics.functions;

import com.shopverse.analytics.BotFlag;
import com.shopverse.analytics.InteractionRow;
import java.util.Iterator;
import java.util.Map;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * The flagged shoppers, as every operator that drops or retracts a bot's interactions keeps them:
 * broadcast state (checkpointed with the operator), shopper (the ops job's key) to the end of the
 * flag in event time. An interaction of a flagged shopper timed before that end is a bot's, however
 * late it arrives. Expired flags are removed when a later flag arrives (broadcast state can only
 * change there), so the state holds at most the flags of about one {@code BOT_FLAG_TTL}.
 */
public final class BotFlags {

  public static final MapStateDescriptor<String, Long> DESCRIPTOR =
      new MapStateDescriptor<>("bot-flags", Types.STRING, Types.LONG);

  private BotFlags() {}

  /**
   * The shopper as the ops job keys {@code shopper.events}: the user id, else the anonymous id.
   * Both kinds of shopper with that id are flagged (the anomaly does not say which it was).
   */
  public static String shopper(InteractionRow row) {
    if (row.userId() != null && !row.userId().isEmpty()) {
      return row.userId();
    }
    return row.anonymousId();
  }

  /** Whether the pipeline's shopper key ({@link Shoppers#key}) is the flagged shopper's. */
  static boolean isKeyOf(String shopperKey, String flagged) {
    return shopperKey.length() == flagged.length() + 2
        && (shopperKey.startsWith("u:") || shopperKey.startsWith("a:"))
        && shopperKey.endsWith(flagged);
  }

  /** Whether the row is a flagged shopper's. */
  static boolean flagged(ReadOnlyBroadcastState<String, Long> flags, InteractionRow row)
      throws Exception {
    String shopper = shopper(row);
    if (shopper == null || shopper.isEmpty()) {
      return false;
    }
    Long until = flags.get(shopper);
    return until != null && row.eventTimeMs() < until;
  }

  /**
   * Keeps the flag (the later end wins: a bot that goes on is flagged again every bucket) and
   * removes the flags that ended before this flag's bucket did. The flag's own time is the clock,
   * not the operator's watermark, so every parallel instance keeps the same flags (broadcast state
   * must be updated alike everywhere). Returns whether the shopper was not flagged before (so what
   * it contributed still has to be taken back).
   */
  static boolean remember(BroadcastState<String, Long> flags, BotFlag flag) throws Exception {
    Iterator<Map.Entry<String, Long>> entries = flags.iterator();
    while (entries.hasNext()) {
      if (entries.next().getValue() <= flag.bucketEndMs()) {
        entries.remove();
      }
    }
    Long before = flags.get(flag.shopper());
    flags.put(flag.shopper(), before == null ? flag.untilMs() : Math.max(before, flag.untilMs()));
    return before == null;
  }
}
