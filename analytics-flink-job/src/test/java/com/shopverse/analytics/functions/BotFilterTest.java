package com.shopverse.analytics.functions;

import static com.shopverse.analytics.functions.Interactions.byAnonymous;
import static com.shopverse.analytics.functions.Interactions.byUser;
import static org.assertj.core.api.Assertions.assertThat;

import com.shopverse.analytics.BotFlag;
import com.shopverse.analytics.InteractionRow;
import java.util.List;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithNonKeyedOperator;
import org.apache.flink.streaming.util.BroadcastOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BotFilterTest {

  static final BotFlag BOT = new BotFlag("bot-7", 60_000, 3_660_000);

  BroadcastOperatorTestHarness<InteractionRow, BotFlag, InteractionRow> harness;

  static BroadcastOperatorTestHarness<InteractionRow, BotFlag, InteractionRow> harness(
      OperatorSubtaskState restored) throws Exception {
    var harness =
        new BroadcastOperatorTestHarness<>(
            new CoBroadcastWithNonKeyedOperator<>(new BotFilter(), List.of(BotFlags.DESCRIPTOR)),
            1,
            1,
            0);
    harness.setup();
    if (restored != null) {
      harness.initializeState(restored);
    }
    harness.open();
    return harness;
  }

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  private List<String> passed() {
    return harness.extractOutputValues().stream().map(BotFilterTest::who).toList();
  }

  private static String who(InteractionRow row) {
    return (row.userId() != null ? row.userId() : "anon " + row.anonymousId())
        + " "
        + row.eventTimeMs();
  }

  @Test
  void dropsAFlaggedShoppersInteractionsUntilTheFlagEnds() throws Exception {
    harness = harness(null);
    harness.processElement(byUser("bot-7", "PRODUCT_VIEWED", "P1", 1_000), 1_000);
    harness.processBroadcastElement(BOT, 60_000);
    harness.processElement(byUser("bot-7", "PRODUCT_VIEWED", "P2", 70_000), 70_000);
    harness.processElement(byAnonymous("bot-7", "PRODUCT_VIEWED", "P2", 70_000), 70_000);
    harness.processElement(byUser("bot-7", "SEARCHED", null, 3_659_999), 3_659_999);
    harness.processElement(byUser("alice", "PRODUCT_VIEWED", "P2", 70_000), 70_000);
    harness.processElement(byAnonymous("bot-8", "PRODUCT_VIEWED", "P2", 70_000), 70_000);
    // Its flag has ended: the shopper trains the recommendations again.
    harness.processElement(byUser("bot-7", "PRODUCT_VIEWED", "P3", 3_660_000), 3_660_000);

    assertThat(passed())
        .containsExactly("bot-7 1000", "alice 70000", "anon bot-8 70000", "bot-7 3660000");
  }

  @Test
  void aRestoreFromACheckpointRemembersTheFlag() throws Exception {
    harness = harness(null);
    harness.processBroadcastElement(BOT, 60_000);
    OperatorSubtaskState checkpoint = harness.snapshot(1, 61_000);
    harness.close();

    harness = harness(checkpoint);
    harness.processElement(byUser("bot-7", "PRODUCT_VIEWED", "P2", 70_000), 70_000);
    harness.processElement(byUser("alice", "PRODUCT_VIEWED", "P2", 70_000), 70_000);

    assertThat(passed()).containsExactly("alice 70000");
  }

  @Test
  void forgetsFlagsThatEndedBeforeTheBucketOfALaterFlag() throws Exception {
    harness = harness(null);
    harness.processBroadcastElement(BOT, 60_000);
    harness.processBroadcastElement(new BotFlag("bot-8", 120_000, 3_720_000), 120_000);
    assertThat(harness.getBroadcastState(BotFlags.DESCRIPTOR).contains("bot-7")).isTrue();

    harness.processBroadcastElement(new BotFlag("bot-9", 3_700_000, 7_300_000), 3_700_000);

    var state = harness.getBroadcastState(BotFlags.DESCRIPTOR);
    assertThat(state.contains("bot-7")).as("ended at 3,660,000").isFalse();
    assertThat(state.get("bot-8")).isEqualTo(3_720_000L);
    assertThat(state.get("bot-9")).isEqualTo(7_300_000L);
  }

  @Test
  void aLaterFlagOfTheSameShopperExtendsIt() throws Exception {
    harness = harness(null);
    harness.processBroadcastElement(BOT, 60_000);
    harness.processBroadcastElement(new BotFlag("bot-7", 120_000, 3_720_000), 120_000);
    harness.processBroadcastElement(BOT, 120_000); // at least once: the first again, later

    assertThat(harness.getBroadcastState(BotFlags.DESCRIPTOR).get("bot-7")).isEqualTo(3_720_000L);
  }
}
