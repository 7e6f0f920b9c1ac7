package com.shopverse.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopverse.analytics.sink.ClickHouseSink.ClickHouseSinkSettings;
import com.shopverse.flink.PipelineTestBase;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

/** The whole pipeline on a Flink MiniCluster, writing to a real ClickHouse. */
class InteractionsPipelineIT extends PipelineTestBase {

  @Test
  void writesEachEventOnceEvenWhenSentTwiceOrReplayed() throws Exception {
    String viewed = UUID.randomUUID().toString();
    String carted = UUID.randomUUID().toString();
    String searched = UUID.randomUUID().toString();
    List<String> records =
        List.of(
            event(
                viewed,
                "PRODUCT_VIEWED",
                "\"userId\":\"u1\",\"productId\":\"P1\",\"source\":\"web\""),
            event(
                viewed,
                "PRODUCT_VIEWED",
                "\"userId\":\"u1\",\"productId\":\"P1\",\"source\":\"web\""),
            event(
                carted,
                "ADDED_TO_CART",
                "\"anonymousId\":\"a1\",\"productId\":\"P2\",\"quantity\":2,\"priceMinor\":1999,\"currency\":\"EUR\""),
            "{not json",
            event(searched, "SEARCHED", "\"userId\":\"u2\",\"query\":\"red\\tshoes\""));

    run(records);

    assertThat(clickHouse.query("SELECT count() FROM interactions")).containsExactly(List.of("3"));
    assertThat(
            clickHouse.query(
                "SELECT type, user_id, anonymous_id, product_id, quantity, price_minor, currency, query, source"
                    + " FROM interactions ORDER BY type"))
        .containsExactly(
            List.of("ADDED_TO_CART", "", "a1", "P2", "2", "1999", "EUR", "", ""),
            List.of("PRODUCT_VIEWED", "u1", "", "P1", "0", "0", "", "", "web"),
            List.of("SEARCHED", "u2", "", "", "0", "0", "", "red\tshoes", ""));

    // A replay (a restart from an older offset) writes the same rows again; they replace
    // themselves.
    run(records);

    assertThat(clickHouse.query("SELECT count() FROM interactions FINAL"))
        .containsExactly(List.of("3"));
    assertThat(clickHouse.query("SELECT uniqExact(event_id) FROM interactions"))
        .containsExactly(List.of("3"));
  }

  private static void run(List<String> records) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    var source =
        new DataGeneratorSource<>(
            i -> RawRecord.untraced(records.get(i.intValue())),
            records.size(),
            TypeInformation.of(RawRecord.class));
    var settings =
        new ClickHouseSinkSettings(
            server.httpUrl(), "shopverse", 100, Duration.ofMillis(100), 3, Duration.ofSeconds(5));
    InteractionsPipeline.build(
        env, source, InteractionsPipeline.clickHouseSinks(settings), PipelineSettings.defaults());
    env.execute("pipeline-it");
  }

  private static String event(String id, String type, String fields) {
    return "{\"eventId\":\""
        + id
        + "\",\"type\":\""
        + type
        + "\",\"schemaVersion\":1,"
        + "\"occurredAt\":\"2026-11-25T10:00:00Z\",\"receivedAt\":\"2026-11-25T10:00:01Z\","
        + fields
        + "}";
  }
}
