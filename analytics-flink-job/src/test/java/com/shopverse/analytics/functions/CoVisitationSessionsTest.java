package com.shopverse.analytics.functions;

import static com.shopverse.analytics.functions.Interactions.byAnonymous;
import static com.shopverse.analytics.functions.Interactions.byUser;
import static org.assertj.core.api.Assertions.assertThat;

import com.shopverse.analytics.BotFlag;
import com.shopverse.analytics.InteractionRow;
import com.shopverse.recommendation.model.ModelSettings;
import com.shopverse.recommendation.model.PairIncrement;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CoVisitationSessionsTest {

  static final long T0 = Instant.parse("2026-12-01T10:00:00Z").toEpochMilli();

  KeyedBroadcastOperatorTestHarness<String, InteractionRow, BotFlag, PairIncrement> harness;

  @BeforeEach
  void open() throws Exception {
    harness =
        ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
            new CoVisitationSessions(ModelSettings.defaults()),
            Shoppers::key,
            Types.STRING,
            BotFlags.DESCRIPTOR);
  }

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  private void view(InteractionRow row) throws Exception {
    harness.processElement(row, row.eventTimeMs());
  }

  private void flag(String shopper) throws Exception {
    harness.processBroadcastElement(new BotFlag(shopper, T0, T0 + 3_600_000), T0);
  }

  /** Every pair's sum over all the operator emitted, "product>neighbour" to sum. */
  private Map<String, Double> sums() {
    Map<String, Double> sums = new TreeMap<>();
    for (PairIncrement i : harness.extractOutputValues()) {
      sums.merge(i.productId() + ">" + i.neighbourId(), i.delta(), Double::sum);
    }
    return sums;
  }

  @Test
  void takesBackWhatAFlaggedShoppersOpenSessionAddedAndNothingElse() throws Exception {
    view(byUser("bot-7", "PRODUCT_VIEWED", "A", T0));
    view(byUser("bot-7", "PRODUCT_VIEWED", "B", T0 + 1_000));
    view(byUser("bot-7", "ADDED_TO_CART", "C", T0 + 2_000));
    view(byUser("alice", "PRODUCT_VIEWED", "A", T0));
    view(byUser("alice", "PRODUCT_VIEWED", "B", T0 + 1_000));
    Map<String, Double> before = sums();
    assertThat(before.get("A>C")).isPositive();

    flag("bot-7");
    // After the flag: dropped, even if it got past the filter before the flag did.
    view(byUser("bot-7", "PRODUCT_VIEWED", "D", T0 + 3_000));

    Map<String, Double> after = sums();
    assertThat(after.keySet()).containsExactly("A>B", "A>C", "B>A", "B>C", "C>A", "C>B");
    assertThat(after.get("A>B")).isEqualTo(before.get("A>B") / 2, within());
    assertThat(after.get("B>A")).isEqualTo(after.get("A>B"));
    for (String botOnly : new String[] {"A>C", "B>C", "C>A", "C>B"}) {
      assertThat(after.get(botOnly)).as(botOnly).isZero();
    }
  }

  @Test
  void anAnonymousShopperWithTheFlaggedIdIsTakenBackToo() throws Exception {
    view(byAnonymous("bot-7", "PRODUCT_VIEWED", "A", T0));
    view(byAnonymous("bot-7", "PRODUCT_VIEWED", "B", T0 + 1_000));

    flag("bot-7");

    assertThat(sums()).containsOnly(Map.entry("A>B", 0.0), Map.entry("B>A", 0.0));
  }

  @Test
  void aSessionThatEndedBeforeTheFlagStaysCounted() throws Exception {
    view(byUser("bot-7", "PRODUCT_VIEWED", "X", T0 - 7_200_000));
    view(byUser("bot-7", "PRODUCT_VIEWED", "Y", T0 - 7_199_000));
    // More than the 30-minute gap later: a new session.
    view(byUser("bot-7", "PRODUCT_VIEWED", "A", T0));
    view(byUser("bot-7", "PRODUCT_VIEWED", "B", T0 + 1_000));

    flag("bot-7");

    Map<String, Double> sums = sums();
    assertThat(sums.get("X>Y")).isPositive();
    assertThat(sums.get("A>B")).isZero();
  }

  @Test
  void aShopperFlaggedAgainIsNotTakenBackTwice() throws Exception {
    view(byUser("bot-7", "PRODUCT_VIEWED", "A", T0));
    view(byUser("bot-7", "PRODUCT_VIEWED", "B", T0 + 1_000));

    flag("bot-7");
    flag("bot-7");

    assertThat(sums()).containsOnly(Map.entry("A>B", 0.0), Map.entry("B>A", 0.0));
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }
}
