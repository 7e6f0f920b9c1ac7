package com.shopverse.analytics.functions;

import static com.shopverse.analytics.functions.Interactions.byUser;
import static org.assertj.core.api.Assertions.assertThat;

import com.shopverse.analytics.BotFlag;
import com.shopverse.analytics.InteractionRow;
import com.shopverse.analytics.ShopperItemRow;
import com.shopverse.recommendation.model.ModelSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ShopperProfilesTest {

  static final long T0 = Instant.parse("2026-12-01T10:00:00Z").toEpochMilli();

  KeyedBroadcastOperatorTestHarness<Tuple2<String, String>, InteractionRow, BotFlag, ShopperItemRow>
      harness;

  @BeforeEach
  void open() throws Exception {
    harness =
        ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
            new ShopperProfiles(
                ModelSettings.defaults(), Duration.ofMillis(100), Duration.ofDays(30)),
            ShopperProfiles::shopperProduct,
            Types.TUPLE(Types.STRING, Types.STRING),
            BotFlags.DESCRIPTOR);
  }

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  private void send(InteractionRow row) throws Exception {
    harness.processElement(row, row.eventTimeMs());
  }

  /** "shopper product score purchased" of each row written since the last call. */
  private List<String> written() {
    List<String> rows =
        harness.extractOutputValues().stream()
            .map(r -> r.shopperId() + " " + r.productId() + " " + r.score() + " " + r.purchased())
            .sorted()
            .toList();
    harness.getOutput().clear();
    return rows;
  }

  @Test
  void emptiesAFlaggedShoppersProfileButKeepsWhatItPaidFor() throws Exception {
    send(byUser("bot-7", "PRODUCT_VIEWED", "P1", T0));
    send(byUser("bot-7", "PURCHASED", "P2", T0)); // a paid order line
    send(byUser("alice", "PRODUCT_VIEWED", "P1", T0));
    harness.setProcessingTime(200);
    assertThat(written()).hasSize(3).allMatch(row -> !row.contains(" 0.0 "));

    harness.processBroadcastElement(new BotFlag("bot-7", T0, T0 + 3_600_000), T0);

    assertThat(written()).containsExactly("u:bot-7 P1 0.0 0", "u:bot-7 P2 0.0 1");

    send(byUser("bot-7", "PRODUCT_VIEWED", "P3", T0 + 1_000));
    send(byUser("bot-7", "PURCHASED", "P4", T0 + 1_000));
    harness.setProcessingTime(400);
    List<String> later = written();
    assertThat(later).hasSize(1);
    assertThat(later.get(0)).startsWith("u:bot-7 P4 ").endsWith(" 1");
  }
}
